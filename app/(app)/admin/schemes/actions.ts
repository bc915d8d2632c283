"use server";
import { revalidatePath } from "next/cache";
import { action } from "@/lib/http/action";
import { SCHEME_MAX_BYTES, uploadScheme } from "@/lib/schemes/server/service";
import { zUploadedFile } from "@/lib/validation";

const ZSchemeUpload = zUploadedFile({ what: "评价方案 JSON 文件", maxBytes: SCHEME_MAX_BYTES, limit: "评价方案 JSON 不能超过 512 KB", extensions: ["json"] });

/** Validation errors come back as `rows` (one per "path：message") through the pipeline's error mapping. */
export const uploadSchemeAction = action(ZSchemeUpload, "region:manage", async (file, { db, actor }) => {
  // File.text() decodes UTF-8 and drops a byte-order mark, which editors on Windows like to add.
  const row = await uploadScheme(db, actor, await file.text());
  revalidatePath("/admin/schemes");
  return { code: row.code, version: row.version, title: row.title };
});
