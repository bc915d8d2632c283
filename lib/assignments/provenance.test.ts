import { describe, expect, it } from "vitest";
import { changedFields, fieldLabel, figureFields } from "@/lib/assignments/provenance";
import { isOverdue, shanghaiDay } from "@/lib/assignments/status";

describe("changedFields", () => {
  it("names each changed figure, stated result and note, and whole fields otherwise", () => {
    const before = { v: 2, narrative: { a: 1 }, values: { x: 1, y: 2 }, stated: {}, notes: {}, score: null };
    const after = { v: 2, narrative: { a: 1 }, values: { x: 1, y: 3 }, stated: { g: { value: 1, source: "财政局" } }, notes: {}, score: 5 };
    expect(changedFields(before, after)).toEqual(["score", "stated.g", "values.y"]);
  });

  it("sees nothing when nothing changed, and everything against no content", () => {
    const c = { v: 2, narrative: { a: 1 }, values: { x: 1 } };
    expect(changedFields(c, structuredClone(c))).toEqual([]);
    expect(changedFields(null, c)).toEqual(["narrative", "values.x"]);
  });
});

it("a figure's fields include the inputs its formula reads", () => {
  expect([...figureFields("g", ["cur", "prev"])].sort()).toEqual(
    ["notes.cur", "notes.g", "notes.prev", "stated.cur", "stated.g", "stated.prev", "values.cur", "values.g", "values.prev"].sort(),
  );
});

it("labels provenance fields as a reader reads them", () => {
  const labels = new Map([["g", "一般公共预算教育支出增长率"]]);
  expect(fieldLabel("stated.g", labels)).toBe("一般公共预算教育支出增长率（直接填写）");
  expect(fieldLabel("narrative", labels)).toBe("正文");
});

it("a due date is a Beijing calendar day: overdue from the next day there, never once handed in", () => {
  const due = new Date("2026-12-10T23:59:59+08:00");
  expect(shanghaiDay(due)).toBe("2026-12-10");
  expect(isOverdue({ dueDate: due, status: "in_progress" }, new Date("2026-12-10T23:00:00+08:00"))).toBe(false);
  expect(isOverdue({ dueDate: due, status: "in_progress" }, new Date("2026-12-11T00:30:00+08:00"))).toBe(true);
  expect(isOverdue({ dueDate: due, status: "handed_in" }, new Date("2026-12-20T00:00:00+08:00"))).toBe(false);
});
