import { describe, expect, it } from "vitest";
import { PERMISSIONS, ROLES, ROLE_KEYS, ROLE_PERMISSIONS, hasPermission } from "@/lib/auth/roles";

describe("role table", () => {
  it("gives every role a Chinese label and a start page", () => {
    for (const role of ROLE_KEYS) {
      expect(ROLES[role].label).toMatch(/[\u4e00-\u9fff]/);
      expect(ROLES[role].startPage).toMatch(/^\//);
    }
  });

  it("separates writing, reviewing and administration", () => {
    expect(hasPermission("county_editor", "report:edit")).toBe(true);
    expect(hasPermission("county_editor", "report:submit")).toBe(false);
    expect(hasPermission("county_lead", "report:submit")).toBe(true);
    expect(hasPermission("city_reviewer", "report:edit")).toBe(false);
    expect(hasPermission("city_reviewer", "report:review")).toBe(true);
    expect(hasPermission("province_reviewer", "review:dashboard")).toBe(true);
    expect(hasPermission("admin", "user:manage")).toBe(true);
    expect(hasPermission("admin", "report:read")).toBe(false);
    for (const role of ["county_editor", "county_lead", "city_reviewer", "province_reviewer"] as const) {
      expect(hasPermission(role, "user:manage")).toBe(false);
    }
  });

  it("uses only declared permissions", () => {
    for (const perms of Object.values(ROLE_PERMISSIONS)) {
      for (const p of perms) expect(Object.keys(PERMISSIONS)).toContain(p);
    }
  });
});
