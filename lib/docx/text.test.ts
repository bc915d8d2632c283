import { describe, expect, it } from "vitest";
import { normaliseText, paragraphsOf, singleLine } from "@/lib/docx/text";

describe("normaliseText", () => {
  it("removes control characters but keeps emoji and characters outside the BMP", () => {
    expect(normaliseText("甲\u0000乙\u0007丙\u001b丁\u007f戊\u0085己\uFFFE")).toBe("甲乙丙丁戊己");
    expect(normaliseText("学生😀在𠀀校")).toBe("学生😀在𠀀校");
    // A lone surrogate cannot be written as UTF-8: it is dropped, its well-formed neighbours are not.
    expect(normaliseText("甲\uD800乙😀")).toBe("甲乙😀");
  });

  it("turns half-width punctuation between Chinese characters into full-width", () => {
    expect(normaliseText("一是加强领导,二是完善机制;三是落实责任:见附件?对!")).toBe("一是加强领导，二是完善机制；三是落实责任：见附件？对！");
    expect(normaliseText("现报告如下:")).toBe("现报告如下：");
    expect(normaliseText("经费 , 人员")).toBe("经费，人员");
  });

  it("leaves numbers and Latin text alone", () => {
    expect(normaliseText("在校生10,736人，比例3:1，Hello, world: ok; fine? yes!")).toBe("在校生10,736人，比例3:1，Hello, world: ok; fine? yes!");
    expect(normaliseText("行动计划(2021—2023)")).toBe("行动计划(2021—2023)");
    expect(normaliseText("see (Appendix A) here")).toBe("see (Appendix A) here");
  });

  it("turns parentheses around Chinese into full-width", () => {
    expect(normaliseText("学校(园)193所(含民办)")).toBe("学校（园）193所（含民办）");
  });

  it("keeps text that looks like XML as text (the docx writer escapes it)", () => {
    expect(normaliseText("<w:p>&amp;</w:body>")).toBe("<w:p>&amp;</w:body>");
  });
});

describe("paragraphsOf / singleLine", () => {
  it("splits on any line end, drops blank lines and edge spaces, turns tabs into spaces", () => {
    expect(paragraphsOf("第一段\r\n\r\n  第二段\t内容 \r第三段\u2029第四段")).toEqual(["第一段", "第二段 内容", "第三段", "第四段"]);
    expect(paragraphsOf("   \n\n")).toEqual([]);
  });

  it("joins a one-line field", () => {
    expect(singleLine("县教育局\n（牵头）")).toBe("县教育局（牵头）");
  });
});
