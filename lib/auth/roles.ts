// Roles and what each may do, as typed tables (adding a role or a permission is a compile error until every
// table handles it). Reach — *where* a role may act — is decided by region (lib/auth/scope.ts); this table
// decides *what* it may do there.
import type { RegionLevel } from "@/lib/regions/levels";

export const ROLES = {
  county_editor: { label: "县级填报员", regionLevel: "county", startPage: "/reports" },
  county_lead: { label: "县级审核员", regionLevel: "county", startPage: "/reports" },
  // People outside the education bureau (财政局, 编办…) who fill the items assigned to them (lib/assignments).
  contributor: { label: "部门填报人", regionLevel: "county", startPage: "/tasks" },
  city_reviewer: { label: "市级督导", regionLevel: "city", startPage: "/review" },
  province_reviewer: { label: "省级督导", regionLevel: "province", startPage: "/review" },
  admin: { label: "系统管理员", regionLevel: "province", startPage: "/admin/users" },
  // A province's or a city's 督导室 owns its own 评价细则 (decision 030): the one role placed at either level.
  scheme_admin: { label: "方案管理员", regionLevel: "province", alsoAt: ["city"], startPage: "/admin/schemes" },
} as const satisfies Record<string, { label: string; regionLevel: RegionLevel; alsoAt?: readonly RegionLevel[]; startPage: string }>;

export type Role = keyof typeof ROLES;
export const ROLE_KEYS = Object.keys(ROLES) as [Role, ...Role[]];

export const PERMISSIONS = {
  "county:view": "查看本县工作台",
  "report:read": "阅读自评报告",
  "report:edit": "编辑自评报告",
  "report:submit": "提交自评报告",
  "report:review": "审核自评报告",
  "report:comment": "对自评报告发表和处理评论",
  "report:contribute": "填写分配给本人的项目",
  "assignment:manage": "分配填报任务、管理部门填报人",
  "review:dashboard": "查看辖区概览",
  "user:manage": "管理用户",
  "region:manage": "管理行政区划",
  "scheme:manage": "编辑评价方案草稿",
  "scheme:publish": "发布评价方案",
} as const;

export type Permission = keyof typeof PERMISSIONS;

export const ROLE_PERMISSIONS = {
  county_editor: ["county:view", "report:read", "report:edit", "report:comment"],
  county_lead: ["county:view", "report:read", "report:edit", "report:submit", "report:comment", "assignment:manage"],
  // No report-wide permission: every item-level read and write asks lib/assignments/server/access.ts.
  contributor: ["report:contribute"],
  city_reviewer: ["report:read", "report:review", "report:comment", "review:dashboard"],
  province_reviewer: ["report:read", "report:review", "report:comment", "review:dashboard"],
  admin: ["user:manage", "region:manage", "scheme:manage", "scheme:publish"],
  scheme_admin: ["scheme:manage", "scheme:publish"],
} as const satisfies Record<Role, readonly Permission[]>;

/** The region levels a role may be placed at: its own level, and for 方案管理员 also a city. */
export function roleRegionLevels(role: Role): readonly RegionLevel[] {
  const entry: { regionLevel: RegionLevel; alsoAt?: readonly RegionLevel[] } = ROLES[role];
  return [entry.regionLevel, ...(entry.alsoAt ?? [])];
}

export function isRole(value: string): value is Role {
  return value in ROLES;
}

export function hasPermission(role: Role, permission: Permission): boolean {
  return (ROLE_PERMISSIONS[role] as readonly Permission[]).includes(permission);
}

export function roleLabel(role: string): string {
  return isRole(role) ? ROLES[role].label : role;
}
