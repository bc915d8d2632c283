import { describe, expect, it } from "vitest";
import { normalisePastedText, paragraphs } from "@/lib/report/paste";

describe("pasting from Word/WPS", () => {
  it("keeps paragraphs and drops indents, stray whitespace and control characters", () => {
    const fromWord = "\u3000\u3000第一段，全县新建公办园1所。\r\n\r\n\r\n\u3000\u3000第二段\u00a0内容\u200b。\u000b第二段续行\t结束。\r\n\u0007";
    expect(normalisePastedText(fromWord)).toBe("第一段，全县新建公办园1所。\n\n第二段 内容。\n第二段续行 结束。");
  });

  it("splits narrative into paragraphs", () => {
    expect(paragraphs("甲\n\n乙\n 丙 \n")).toEqual(["甲", "乙", "丙"]);
  });
});
