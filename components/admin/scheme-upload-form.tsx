"use client";
import { uploadSchemeAction } from "@/app/(app)/admin/schemes/actions";
import { FileUploadForm } from "@/components/ui/file-upload-form";
import type { RowError } from "@/lib/errors";

type Uploaded = { code: string; version: number; title: string };

/** `maxBytes` comes from the server's limit, so the early browser check and the server never disagree. */
export function SchemeUploadForm({ maxBytes }: { maxBytes: number }) {
  return (
    <FileUploadForm<Uploaded>
      label="上传评价方案"
      description={
        <>
          上传评价方案的 JSON 文件（不超过 {Math.round(maxBytes / 1024)} KB）。可先下载现有方案作为模板修改；已保存的方案不能修改，修改后的方案请提高
          <code className="rounded bg-slate-100 px-1">version</code> 后再上传。有错误时不会保存。
        </>
      }
      picker={{ accept: ".json,application/json", label: "评价方案 JSON 文件", buttonText: "选择 JSON 文件" }}
      submitText="上传"
      what="评价方案 JSON 文件"
      maxBytes={maxBytes}
      limit={`评价方案 JSON 不能超过 ${Math.round(maxBytes / 1024)} KB`}
      upload={uploadSchemeAction}
      success={(d) => `已保存评价方案「${d.title}」（${d.code} 第 ${d.version} 版）。`}
      rowErrors={{ label: "评价方案错误", where: "位置", whereClass: "w-2/5", split: pathAndMessage }}
    />
  );
}

/** Each row is "path：message"; the path is split off so the administrator can find the node in the file. */
function pathAndMessage(row: RowError): [React.ReactNode, string] {
  const at = row.message.indexOf("：");
  if (at < 0) return ["", row.message];
  return [<span key="where" className="font-mono text-xs">{row.message.slice(0, at)}</span>, row.message.slice(at + 1)];
}
