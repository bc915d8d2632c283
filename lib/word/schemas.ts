// What the confirm step of the two Word imports sends back: the pieces (or comments) as the preview showed them,
// each with the section the user chose. The server parses these again and checks the sections against the report's
// own scheme; text goes through the same rich-text and comment schemas as typing it would. Universal.
import { z } from "@/lib/validation";
import { ZRichText } from "@/lib/report/rich-text";
import { ZCommentBody } from "@/lib/review/comments";

const ZSectionKey = z.string({ error: "缺少报告部分" }).min(1, "缺少报告部分").max(120);

export const ZApplyWordImport = z.object({
  reportId: z.string().min(1).max(64),
  pieces: z
    .array(z.object({ sectionKey: ZSectionKey, blocks: ZRichText }))
    .min(1, "没有选择要导入的内容：请至少为一段文字选择报告部分")
    .max(300, "一次最多导入 300 段"),
});
export type TApplyWordImport = z.input<typeof ZApplyWordImport>;

export const ZApplyCommentImport = z.object({
  reportId: z.string().min(1).max(64),
  threads: z
    .array(z.object({ sectionKey: ZSectionKey, body: ZCommentBody, replies: z.array(ZCommentBody).max(50, "一条批注最多 50 条回复") }))
    .min(1, "没有选择要导入的批注：请至少为一条批注选择报告部分")
    .max(300, "一次最多导入 300 条批注"),
});
export type TApplyCommentImport = z.input<typeof ZApplyCommentImport>;
