import { describe, expect, it } from "vitest";
import { beijingParts, formatDateTime, wordLocalDate } from "@/lib/dates";

// 06:13:05 UTC is 14:13:05 in Beijing; 18:30 UTC on Dec 31 is already the next year there.
const save = "2026-12-02T06:13:05.000Z";

describe("formatDateTime", () => {
  it("prints Beijing time in every style, whatever the process's time zone", () => {
    expect(formatDateTime(save)).toBe("2026/12/02 14:13");
    expect(formatDateTime(new Date(save), "datetime-seconds")).toBe("2026/12/02 14:13:05");
    expect(formatDateTime(save, "short")).toBe("12/02 14:13");
    expect(formatDateTime(save, "short-seconds")).toBe("12/02 14:13:05");
    expect(formatDateTime(save, "date")).toBe("2026/12/02");
    expect(formatDateTime(save, "time")).toBe("14:13");
  });

  it("crosses the date line at Beijing midnight, not at UTC midnight", () => {
    expect(formatDateTime("2026-12-31T18:30:00Z", "date")).toBe("2027/01/01");
    expect(formatDateTime("2026-12-31T15:59:59Z", "date")).toBe("2026/12/31");
    expect(formatDateTime("2026-12-02T16:00:00Z", "time")).toBe("00:00");
  });

  it("prints nothing for a missing or invalid value", () => {
    expect(formatDateTime(null)).toBe("");
    expect(formatDateTime(undefined)).toBe("");
    expect(formatDateTime("")).toBe("");
    expect(formatDateTime("not a date")).toBe("");
  });
});

describe("Beijing calendar fields", () => {
  it("gives the year, month and time in Beijing", () => {
    expect(beijingParts("2026-12-31T18:30:00Z")).toEqual({ year: 2027, month: 1, day: 1, hour: 2, minute: 30, second: 0 });
  });

  it("gives Word the wall-clock time it shows as written", () => {
    expect(wordLocalDate(save).toISOString()).toBe("2026-12-02T14:13:05.000Z");
  });
});
