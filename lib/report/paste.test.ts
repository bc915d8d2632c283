import { describe, expect, it } from "vitest";
import { blocksFromPasted, normalisePastedText, paragraphs } from "@/lib/report/paste";

describe("pasting from Word/WPS", () => {
  it("keeps paragraphs and drops indents, stray whitespace and control characters", () => {
    const fromWord = "\u3000\u3000第一段，全县新建公办园1所。\r\n\r\n\r\n\u3000\u3000第二段\u00a0内容\u200b。\u000b第二段续行\t结束。\r\n\u0007";
    expect(normalisePastedText(fromWord)).toBe("第一段，全县新建公办园1所。\n\n第二段 内容。\n第二段续行 结束。");
  });

  it("splits narrative into paragraphs", () => {
    expect(paragraphs("甲\n\n乙\n 丙 \n")).toEqual(["甲", "乙", "丙"]);
  });

  it("turns runs of 一是、二是 and （1）（2） lines into the report's lists, in order only", () => {
    const lines = ["改进措施：", "一是加强理论学习。", "二是改进工作作风。", "三是加强廉政教育。", "（1）新建公办园；", "(2)认定普惠园。", "一是只有一条。", "（3）编号不从1开始"];
    expect(blocksFromPasted(lines.map((text) => ({ text })))).toEqual([
      { p: ["改进措施："] },
      { list: "yishi", items: [["加强理论学习。"], ["改进工作作风。"], ["加强廉政教育。"]] },
      { list: "paren", items: [["新建公办园；"], ["认定普惠园。"]] },
      { p: ["一是只有一条。"] },
      { p: ["（3）编号不从1开始"] },
    ]);
  });

  it("keeps the source's own lists (Word numbering, <li>) and drops empty lines", () => {
    expect(blocksFromPasted([{ text: "　　导语" }, { text: "" }, { text: "甲项", listed: true }, { text: "乙项", listed: true }, { text: "结语\r\n续行" }])).toEqual([
      { p: ["导语"] },
      { list: "paren", items: [["甲项"], ["乙项"]] },
      { p: ["结语"] },
      { p: ["续行"] },
    ]);
  });

  it("leaves a paragraph with 一是……二是…… run in as one paragraph", () => {
    expect(blocksFromPasted([{ text: "一是加强学习，二是改进作风。" }])).toEqual([{ p: ["一是加强学习，二是改进作风。"] }]);
  });
});
