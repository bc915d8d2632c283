// Every action the audit log records, with its Chinese label and the kind of row it is written against. A typed
// constant: writing an action that is not listed here is a compile error (lib/audit/server.ts), and the report's
// 操作记录 (lib/review/audit) labels each one without a second list to keep in step.
export const AUDIT_ACTIONS = {
  "report.create": { label: "创建报告", target: "report" },
  "report.submit": { label: "提交报告", target: "report" },
  "report.return": { label: "退回修改", target: "report" },
  "report.reopen": { label: "撤销审核通过", target: "report" },
  "report.accept": { label: "审核通过", target: "report" },
  "explanation.accept": { label: "接受情况说明", target: "report" },
  "explanation.reject": { label: "不接受情况说明", target: "report" },
  "report.import-word": { label: "从 Word 导入正文", target: "report" },
  "comment.add": { label: "发表评论", target: "report" },
  "comment.reply": { label: "回复评论", target: "report" },
  "comment.answer": { label: "答复评论", target: "report" },
  "comment.resolve": { label: "标记评论已解决", target: "report" },
  "comment.reopen": { label: "重新打开评论", target: "report" },
  "comment.finding": { label: "标为问题", target: "report" },
  "verification.save": { label: "核定", target: "report" },
  "feedback.save": { label: "保存督导反馈意见书", target: "report" },
  "feedback.send": { label: "发送督导反馈意见书", target: "report" },
  "feedback.read": { label: "阅读督导反馈意见书", target: "report" },
  "comment.import-word": { label: "导入 Word 批注", target: "report" },
  "evidence.add": { label: "上传佐证材料", target: "report" },
  "evidence.delete": { label: "删除佐证材料", target: "report" },
  "ledger.create": { label: "新增整改事项", target: "ledger" },
  "ledger.update": { label: "更新整改事项", target: "ledger" },
  "ledger.review": { label: "复核整改事项", target: "ledger" },
  "region.create": { label: "新增行政区划", target: "region" },
  "region.update": { label: "修改行政区划", target: "region" },
  "region.delete": { label: "删除行政区划", target: "region" },
  "region.import": { label: "导入行政区划", target: "region" },
  "scheme.upload": { label: "上传评价方案", target: "scheme" },
  "assignment.assign": { label: "分配填报任务", target: "report" },
  "assignment.hand-in": { label: "部门提交项目", target: "report" },
  "assignment.send-back": { label: "退回部门修改", target: "report" },
  "assignment.confirm": { label: "确认部门提交", target: "report" },
  "scheme.draft.create": { label: "新建评价方案草稿", target: "scheme" },
  "scheme.draft.save": { label: "修改评价方案草稿", target: "scheme" },
  "scheme.draft.delete": { label: "删除评价方案草稿", target: "scheme" },
  "scheme.publish": { label: "发布评价方案", target: "scheme" },
  "user.create": { label: "创建用户", target: "user" },
  "user.update": { label: "修改用户", target: "user" },
  "user.disable": { label: "停用用户", target: "user" },
  "user.enable": { label: "启用用户", target: "user" },
  "user.reset-password": { label: "重置密码", target: "user" },
} as const satisfies Record<string, { label: string; target: AuditTarget }>;

export type AuditTarget = "report" | "region" | "scheme" | "user" | "ledger";
export type AuditAction = keyof typeof AUDIT_ACTIONS;

/** The action's Chinese label; an action this version does not know (an older or newer row) is shown as stored. */
export function auditActionLabel(action: string): string {
  return action in AUDIT_ACTIONS ? AUDIT_ACTIONS[action as AuditAction].label : action;
}
