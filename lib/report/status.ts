// Report statuses as a typed table. The review workflow (transitions) builds on this; here: labels and whether
// the county may still edit.
export const REPORT_STATUSES = {
  draft: { label: "草稿", editable: true, tone: "slate" },
  submitted: { label: "已提交", editable: false, tone: "blue" },
  returned: { label: "退回修改", editable: true, tone: "red" },
  accepted: { label: "审核通过", editable: false, tone: "green" },
} as const satisfies Record<string, { label: string; editable: boolean; tone: "slate" | "blue" | "red" | "green" }>;

export type ReportStatus = keyof typeof REPORT_STATUSES;
export const EDITABLE_STATUSES = (Object.keys(REPORT_STATUSES) as ReportStatus[]).filter((s) => REPORT_STATUSES[s].editable);

export function statusLabel(status: string): string {
  return status in REPORT_STATUSES ? REPORT_STATUSES[status as ReportStatus].label : status;
}

export const REVIEW_LEVELS = { city: "市级", province: "省级" } as const;
export type ReviewLevel = keyof typeof REVIEW_LEVELS;

/** The status as a reader says it: a submitted report names the level whose decision is pending. */
export function reportStatusText(status: string, reviewStage: string | null): string {
  if (status === "submitted" && reviewStage && reviewStage in REVIEW_LEVELS) {
    return `已提交 · 待${REVIEW_LEVELS[reviewStage as ReviewLevel]}审核`;
  }
  return statusLabel(status);
}

/** Whether the county may still change a report in this status (the pages ask this; writes ask
 *  assertReportEditable inside their transaction, lib/report/server/editable.ts). */
export function isEditableStatus(status: string): boolean {
  return status in REPORT_STATUSES && REPORT_STATUSES[status as ReportStatus].editable;
}

/** The badge colour of a status. */
export function statusTone(status: string): (typeof REPORT_STATUSES)[ReportStatus]["tone"] {
  return status in REPORT_STATUSES ? REPORT_STATUSES[status as ReportStatus].tone : "slate";
}
