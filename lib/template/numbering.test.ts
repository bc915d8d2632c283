import { describe, expect, it } from "vitest";
import {
  chineseNumeral,
  criterionLabel,
  groupLabel,
  levelFourLabel,
  levelOneLabel,
  levelThreeLabel,
  levelTwoLabel,
  partHeadings,
  subpointLabel,
} from "@/lib/template/numbering";
import { SHANXI_2021_COUNTY } from "@/lib/template/schemes/shanxi-2021";

describe("Chinese numerals", () => {
  it("writes 一 to 二十 and beyond as reports do", () => {
    const oneToTwenty = Array.from({ length: 20 }, (_, i) => chineseNumeral(i + 1));
    expect(oneToTwenty.join(" ")).toBe("一 二 三 四 五 六 七 八 九 十 十一 十二 十三 十四 十五 十六 十七 十八 十九 二十");
    expect(chineseNumeral(35)).toBe("三十五");
    expect(chineseNumeral(99)).toBe("九十九");
  });

  it("refuses numbers it cannot write", () => {
    expect(() => chineseNumeral(0)).toThrow(RangeError);
    expect(() => chineseNumeral(100)).toThrow(RangeError);
    expect(() => chineseNumeral(1.5)).toThrow(RangeError);
  });

  it("builds the 一、 → （一） → 1. → （1） ladder", () => {
    expect([levelOneLabel(3), levelTwoLabel(12), levelThreeLabel(2), levelFourLabel(4)]).toEqual(["三、", "（十二）", "2.", "（4）"]);
  });
});

describe("headings of the flat Shanxi scheme", () => {
  it("numbers the parts 一、 to 四、 from their order", () => {
    expect(partHeadings(SHANXI_2021_COUNTY).map((h) => `${h.label}${h.title}`)).toEqual([
      "一、基本情况",
      "二、自查情况和工作成效",
      "三、存在问题和改进措施",
      "四、下一步工作打算",
    ]);
  });

  it("labels criteria （一） to （十二） and their sub-points 1. 2. 3.", () => {
    const labels = SHANXI_2021_COUNTY.criteria.map((c) => criterionLabel(SHANXI_2021_COUNTY, c));
    expect(labels[0]).toBe("（一）");
    expect(labels[9]).toBe("（十）");
    expect(labels[11]).toBe("（十二）");
    expect(subpointLabel(SHANXI_2021_COUNTY, 2)).toBe("3.");
    expect(groupLabel(1)).toBe("（二）");
  });
});
