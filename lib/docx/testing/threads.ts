// Review threads for the comment tests: a resolved thread with replies, an open one, and one resolved without any.
import type { ThreadForExport } from "@/lib/docx/vm-comments";

const reviewer = { name: "王芳", roleLabel: "市级督导" };
const clerk = { name: "张敏", roleLabel: "县级填报员" };

export const threadWithReplies: ThreadForExport = {
  sectionKey: "criterion:preschool",
  anchorLabel: "学前三年毛入园率",
  body: "请注明适龄人口数据的来源。",
  createdAt: "2021-11-15T02:00:00.000Z",
  status: "resolved",
  author: reviewer,
  replies: [
    { body: "已补充：来自县统计局。", createdAt: "2021-11-16T02:00:00.000Z", author: clerk },
    { body: "收到，已核对。", createdAt: "2021-11-16T03:00:00.000Z", author: reviewer },
  ],
};
export const openThread: ThreadForExport = {
  sectionKey: "profile",
  anchorLabel: null,
  body: "学校总数与分类之和不一致。",
  createdAt: "2021-11-15T03:00:00.000Z",
  status: "open",
  author: reviewer,
  replies: [{ body: "正在核实。", createdAt: "2021-11-15T05:00:00.000Z", author: clerk }],
};
export const resolvedAlone: ThreadForExport = {
  sectionKey: "criterion:safety",
  anchorLabel: null,
  body: "平安校园创建率请附佐证。",
  createdAt: "2021-11-15T04:00:00.000Z",
  status: "resolved",
  author: reviewer,
  replies: [],
};
