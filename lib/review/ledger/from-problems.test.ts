import { describe, expect, it } from "vitest";
import { splitClauses, splitProblemText } from "@/lib/review/ledger/from-problems";
import { isOverdue, lastDayOf } from "@/lib/review/ledger/rules";

const figure = (key: string) => `[${key}]`;

describe("存在问题 prose split into ledger items", () => {
  it("splits a list into its items and drops the numbering", () => {
    expect(splitProblemText([{ list: "yishi", items: [["学前教育资源不足。"], ["教师结构性短缺。"]] }], figure)).toEqual(["学前教育资源不足。", "教师结构性短缺。"]);
  });
  it("splits 一是……二是…… inside a paragraph, keeping the lead-in with the first", () => {
    expect(splitClauses("主要问题：一是大班额尚未消除；二是音体美教师不足；三是经费投入不足。")).toEqual(["主要问题：大班额尚未消除；", "音体美教师不足；", "经费投入不足。"]);
    expect(splitClauses("一是统一思想。")).toEqual(["一是统一思想。"]); // a lone 一是 is not a list
  });
  it("takes one item per paragraph otherwise, with （一）/1. markers removed and figures printed", () => {
    const doc = [{ p: ["（一）城区学位紧张，入园率仅", { f: "rate" }, "。"] }, { p: ["1. 农村学校办学条件薄弱。"] }, { p: ["  "] }];
    expect(splitProblemText(doc, figure)).toEqual(["城区学位紧张，入园率仅[rate]。", "农村学校办学条件薄弱。"]);
  });
});

describe("overdue", () => {
  it("reads a month deadline as its last day and never counts 已完成", () => {
    expect(lastDayOf("2024-02")).toBe("2024-02-29");
    expect(isOverdue({ deadline: "2024-02", status: "整改中" }, "2024-02-29")).toBe(false);
    expect(isOverdue({ deadline: "2024-02", status: "整改中" }, "2024-03-01")).toBe(true);
    expect(isOverdue({ deadline: "2024-02", status: "未完成需说明" }, "2024-03-01")).toBe(true);
    expect(isOverdue({ deadline: "2024-02", status: "已完成" }, "2024-03-01")).toBe(false);
    expect(isOverdue({ deadline: "", status: "未启动" }, "2099-01-01")).toBe(false);
  });
});
