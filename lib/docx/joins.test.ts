import { describe, expect, it } from "vitest";
import { withJoins, withoutJoins } from "@/lib/docx/joins";

const shown = (s: string) => s.replace(/\u2060/g, "⁀").replace(/\u00a0/g, "␣");

describe("number–unit joins", () => {
  it.each([
    ["全县共有学校193所。", "全县共有学校193⁀所。"],
    ["《2019—2022年》", "《2019—2022⁀年》"],
    ["支出57628万元，增长62.93%", "支出57628⁀万⁀元，增长62.93⁀%"],
    ["193 所", "193␣所"],
    ["≥ 650元/生·年", "≥␣650⁀元⁀/⁀生⁀·⁀年"],
    ["3000余人", "3000⁀余⁀人"],
    ["2021年11月10日", "2⁀0⁀2⁀1⁀年⁀1⁀1⁀月⁀1⁀0⁀日"],
    ["2022 年 12 月", "2⁀0⁀2⁀2␣年␣1⁀2␣月"],
    ["4轨以下", "4⁀轨以下"],
    ["体育场馆12平方米", "体育场馆12⁀平⁀方⁀米"],
  ])("%s", (input, expected) => {
    expect(shown(withJoins(input))).toBe(expected);
    expect(withoutJoins(withJoins(input))).toBe(input);
  });

  it("leaves text without digits, and digits without a unit, untouched", () => {
    for (const s of ["加强党的领导", "第一，3.1415", "ISO 9001", "1:2"]) expect(withJoins(s)).toBe(s);
  });
});
