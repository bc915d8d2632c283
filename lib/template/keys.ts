// Shared field schemas for keys and codes. Figure keys end up in {{figure:key}} tokens and form field names, so they
// stay ASCII snake_case; codes name structural nodes (scheme, criterion, part, group) and may also use hyphens.
import { z } from "@/lib/validation";

export const ZFigureKey = z
  .string({ error: "键名应为字符串" })
  .regex(/^[a-z][a-z0-9_]*$/, "键名只能包含小写字母、数字和下划线，并以字母开头");

export const ZCode = z
  .string({ error: "代码应为字符串" })
  .regex(/^[a-z0-9][a-z0-9_-]*$/, "代码只能包含小写字母、数字、下划线和连字符");

export const ZText = z.string({ error: "应为文字" }).trim().min(1, "不能为空");
