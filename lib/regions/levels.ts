// Region levels as data: the tree is 省 → 市 → 县, and a region's level fixes its parent's level.

export const REGION_LEVELS = {
  province: { label: "省", parent: null },
  city: { label: "市", parent: "province" },
  county: { label: "县", parent: "city" },
} as const satisfies Record<string, { label: string; parent: string | null }>;

export type RegionLevel = keyof typeof REGION_LEVELS;

export const REGION_LEVEL_KEYS = Object.keys(REGION_LEVELS) as RegionLevel[];

export function isRegionLevel(value: string): value is RegionLevel {
  return value in REGION_LEVELS;
}

export function regionLevelLabel(level: string): string {
  return isRegionLevel(level) ? REGION_LEVELS[level].label : level;
}

/** 6-digit 行政区划代码 (GB/T 2260). */
export const REGION_CODE_PATTERN = /^[1-9]\d{5}$/;

export function regionPath(parentPath: string | null, code: string): string {
  return `${parentPath ?? "/"}${code}/`;
}
