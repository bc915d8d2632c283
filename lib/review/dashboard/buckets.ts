// How the dashboard groups a region's counties by where their report stands, seen from the reviewer's level: a
// submitted report waits either for this reviewer's level ("待我审核") or for the other one. Counties with no report
// for the year are "未开始".
import type { RegionLevel } from "@/lib/regions/levels";
import { REVIEW_LEVELS, type ReviewLevel } from "@/lib/report/status";

export const DASHBOARD_BUCKETS = {
  mine: { label: "待我审核", tone: "blue" },
  elsewhere: { label: "他级审核中", tone: "slate" },
  returned: { label: "退回修改", tone: "red" },
  accepted: { label: "审核通过", tone: "green" },
  draft: { label: "未提交", tone: "slate" },
  none: { label: "未开始", tone: "slate" },
} as const satisfies Record<string, { label: string; tone: "slate" | "blue" | "red" | "green" }>;

export type DashboardBucket = keyof typeof DASHBOARD_BUCKETS;
export const BUCKET_KEYS = Object.keys(DASHBOARD_BUCKETS) as [DashboardBucket, ...DashboardBucket[]];

/** The review level a reviewer decides for: a city reviewer the city stage, a province reviewer the province's. */
export function levelOfRegion(level: RegionLevel): ReviewLevel | null {
  return level === "city" || level === "province" ? level : null;
}

export function bucketOf(report: { status: string; reviewStage: string | null } | null, mine: ReviewLevel | null): DashboardBucket {
  if (!report) return "none";
  switch (report.status) {
    case "submitted":
      // Rows submitted before review stages existed wait for the first level, the city.
      return (report.reviewStage ?? "city") === mine ? "mine" : "elsewhere";
    case "returned":
      return "returned";
    case "accepted":
      return "accepted";
    default:
      return "draft";
  }
}

/** "待省级审核" for a city reviewer, "待市级审核" for a province reviewer. */
export function bucketLabel(bucket: DashboardBucket, mine: ReviewLevel | null): string {
  if (bucket !== "elsewhere" || !mine) return DASHBOARD_BUCKETS[bucket].label;
  const other = (Object.keys(REVIEW_LEVELS) as ReviewLevel[]).find((l) => l !== mine);
  return other ? `待${REVIEW_LEVELS[other]}审核` : DASHBOARD_BUCKETS.elsewhere.label;
}
