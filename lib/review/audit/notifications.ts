// In-app notifications as the browser lists them (written and read by lib/review/audit/server/notifications.ts).

export const NOTIFICATION_KINDS = {
  submitted: "报告提交",
  returned: "退回修改",
  accepted: "审核通过",
  comment: "新评论",
  explanation: "情况说明未被接受",
  feedback: "督导反馈意见书",
  assignment: "填报任务",
  reminder: "填报提醒",
} as const;
export type NotificationKind = keyof typeof NOTIFICATION_KINDS;

export type NotificationView = {
  id: string;
  kind: NotificationKind;
  kindLabel: string;
  message: string;
  reportId: string | null;
  sectionKey: string | null;
  createdAt: string;
  read: boolean;
};
