"use server";
import { revalidatePath } from "next/cache";
import { action } from "@/lib/http/action";
import { SCHEME_MAX_BYTES, uploadScheme } from "@/lib/schemes/server/service";
import { z } from "@/lib/validation";

const ZSchemeUpload = z
  .instanceof(FormData, { message: "请选择评价方案 JSON 文件" })
  .transform((fd) => fd.get("file"))
  .pipe(
    z
      .instanceof(File, { message: "请选择评价方案 JSON 文件" })
      .refine((f) => f.size > 0, "文件为空")
      .refine((f) => f.size <= SCHEME_MAX_BYTES, "文件过大：评价方案 JSON 不能超过 512 KB")
      .refine((f) => /\.json$/i.test(f.name), "请上传 .json 文件"),
  );

/** Validation errors come back as `rows` (one per "path：message") through the pipeline's error mapping. */
export const uploadSchemeAction = action(ZSchemeUpload, "region:manage", async (file, { db, actor }) => {
  // File.text() decodes UTF-8 and drops a byte-order mark, which editors on Windows like to add.
  const row = await uploadScheme(db, actor, await file.text());
  revalidatePath("/admin/schemes");
  return { code: row.code, version: row.version, title: row.title };
});
