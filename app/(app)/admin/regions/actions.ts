"use server";
import { revalidatePath } from "next/cache";
import { action } from "@/lib/http/action";
import { importRegionsCsv } from "@/lib/regions/server/csv-import";
import { ZCreateRegion, ZDeleteRegion, ZUpdateRegion, CSV_MAX_BYTES } from "@/lib/regions/schemas";
import { createRegion, deleteRegion, updateRegion } from "@/lib/regions/server/service";
import { zUploadedFile } from "@/lib/validation";

export const createRegionAction = action(ZCreateRegion, "region:manage", async (input, { db, actor }) => {
  await createRegion(db, actor, input);
  revalidatePath("/admin/regions");
  return { code: input.code };
});

export const updateRegionAction = action(ZUpdateRegion, "region:manage", async (input, { db, actor }) => {
  await updateRegion(db, actor, input);
  revalidatePath("/admin/regions");
  return { code: input.code };
});

export const deleteRegionAction = action(ZDeleteRegion, "region:manage", async (input, { db, actor }) => {
  await deleteRegion(db, actor, input.code);
  revalidatePath("/admin/regions");
  return { code: input.code };
});

const ZCsvUpload = zUploadedFile({ what: "CSV 文件", maxBytes: CSV_MAX_BYTES, limit: "CSV 不能超过 1 MB", extensions: ["csv", "txt"] });

export const importRegionsAction = action(ZCsvUpload, "region:manage", async (file, { db, actor }) => {
  const result = await importRegionsCsv(db, actor, new Uint8Array(await file.arrayBuffer()));
  revalidatePath("/admin/regions");
  return result;
});
