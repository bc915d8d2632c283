import { z } from "@/lib/validation";
import { REGION_CODE_PATTERN } from "@/lib/regions/levels";

export const ZRegionCodeField = z
  .string({ error: "请输入行政区划代码" })
  .trim()
  .regex(REGION_CODE_PATTERN, "行政区划代码应为 6 位数字（如 140823）");

export const ZRegionName = z
  .string({ error: "请输入名称" })
  .trim()
  .min(2, "名称至少 2 个字")
  .max(40, "名称最多 40 个字")
  .refine((s) => !/[<>"'`\\/]/.test(s), "名称不能包含特殊符号");

export const ZCreateRegion = z.object({ code: ZRegionCodeField, name: ZRegionName, parentCode: ZRegionCodeField });
export type TCreateRegion = z.infer<typeof ZCreateRegion>;

export const ZUpdateRegion = z.object({ code: ZRegionCodeField, name: ZRegionName, parentCode: ZRegionCodeField });
export type TUpdateRegion = z.infer<typeof ZUpdateRegion>;

export const ZDeleteRegion = z.object({ code: ZRegionCodeField });

export const CSV_MAX_BYTES = 1024 * 1024;
export const CSV_MAX_ROWS = 5000;
