import { describe, expect, it } from "vitest";
import { buildReportViewModel } from "@/lib/docx/view-model";
import { chineseDate } from "@/lib/docx/dates";
import { reportFileName } from "@/lib/docx/file-name";
import { signatureIndents } from "@/lib/docx/parts/closing";
import { textWidth } from "@/lib/docx/text-width";
import { sectionsOf } from "@/lib/report/sections";
import { demoReportContents } from "@/lib/seed/demo-report";
import { schemeIndicators } from "@/lib/template/lookup";
import { SHANXI_2021_COUNTY } from "@/lib/template/schemes/shanxi-2021";
import { testScheme } from "@/lib/template/test-scheme";
import { validateScheme } from "@/lib/template/validate-scheme";

const scheme = SHANXI_2021_COUNTY;
const demo = () => buildReportViewModel({ scheme, contents: demoReportContents(scheme), countyName: "闻喜县" });

describe("buildReportViewModel on the demo report", () => {
  const vm = demo();

  it("prints the title in two lines, the issuer and the 成文日期", () => {
    expect(vm.titleLines).toEqual(["闻喜县人民政府办公室关于履行教育职责", "评价工作的自评报告"]);
    expect(vm.signature).toEqual({ issuer: "闻喜县人民政府办公室", date: "2021年11月10日" });
    expect(vm.createdAt).toBe("2021-11-10T00:00:00Z");
  });

  it("lists the parts in scheme order with the criteria as （一）…（十二） and sub-points as 1. 2.", () => {
    expect(vm.parts.map((p) => p.heading)).toEqual(["一、基本情况", "二、自查情况和工作成效", "三、存在问题和改进措施", "四、下一步工作打算"]);
    const criteria = sectionsOf(scheme).filter((s) => s.partKind === "criteria").map((s) => s.heading);
    const level2 = vm.parts[1].blocks.filter((b) => b.kind === "heading" && b.level === 2).map((b) => b.text);
    expect(level2).toEqual(criteria);
    expect(level2.at(-1)).toMatch(/^（十二）/);
    expect(vm.parts[1].blocks).toContainEqual({ kind: "heading", level: 3, text: "1.建立健全工作机制情况" });
  });

  it("fills every figure token and keeps the narrative's paragraph breaks", () => {
    expect(JSON.stringify(vm)).not.toContain("{{figure:");
    expect(vm.parts[0].blocks[0]).toMatchObject({ kind: "paragraph", text: expect.stringContaining("国土面积1167平方公里") });
    const highSchool = vm.parts[1].blocks.findIndex((b) => b.text.startsWith("（八）"));
    expect(vm.parts[1].blocks.slice(highSchool + 1, highSchool + 3).map((b) => b.kind)).toEqual(["paragraph", "paragraph"]);
  });

  it("writes problems as （一） headings followed by 改进措施： and numbered measures", () => {
    const blocks = vm.parts[2].blocks;
    const first = blocks.findIndex((b) => b.kind === "heading" && b.text.startsWith("（一）组织理论学习不够"));
    expect(blocks.slice(first + 2, first + 4).map((b) => b.text)).toEqual(["改进措施：", expect.stringMatching(/^1\.加强理论学习/)]);
    expect(blocks.filter((b) => b.kind === "heading").map((b) => b.text.slice(0, 3))).toEqual(["（一）", "（二）", "（三）", "（四）", "（五）", "（六）", "（七）"]);
  });

  it("builds 附件1 from every indicator and 附件2 with one entry per measure", () => {
    const { indicators, problems } = vm.annexes;
    expect(indicators.rows).toHaveLength(schemeIndicators(scheme).length);
    expect(indicators.rows.find((r) => r.indicator.startsWith("民办义务教育在校生占比"))).toMatchObject({ status: "未达标", target: "≤ 5%" });
    expect(problems.rows).toHaveLength(7);
    expect(problems.rows[0].measures[0]).toMatchObject({ leadUnit: "县委教育工委", deadline: "2022年6月", status: "整改中" });
  });
});

describe("buildReportViewModel on an empty draft", () => {
  it("still yields a printable report: fallback title, headings, 未填写 figures, no signature", () => {
    const vm = buildReportViewModel({ scheme, contents: {}, countyName: "闻喜县" });
    expect(vm.title).toBe("闻喜县2021年履行教育职责评价自评报告");
    expect(vm.parts).toHaveLength(4);
    expect(vm.signature).toEqual({ issuer: "", date: "" });
    expect(new Set(vm.annexes.indicators.rows.map((r) => r.status))).toEqual(new Set(["未填写"]));
    expect(vm.annexes.problems.rows).toEqual([]);
    expect(vm.createdAt).toBe("2021-01-01T00:00:00Z");
  });
});

describe("grouped schemes", () => {
  it("prints groups as （一）, criteria as 1. and sub-points as （1）", () => {
    const input = testScheme({}, { numbering: "grouped", groups: [{ code: "g", title: "加强党的领导", criteria: ["only"] }] });
    input.criteria[0].subpoints = [{ code: "sp", title: "工作机制" }];
    const result = validateScheme(input);
    if (!result.ok) throw new Error(result.errors[0].message);
    const vm = buildReportViewModel({ scheme: result.scheme, contents: {}, countyName: "测试县" });
    expect(vm.parts[1].blocks).toEqual([
      { kind: "heading", level: 2, text: "（一）加强党的领导" },
      { kind: "heading", level: 3, text: "1.测试评价重点", sectionKey: "criterion:only" },
      { kind: "heading", level: 4, text: "（1）工作机制" },
    ]);
  });
});

describe("small helpers", () => {
  it("formats dates with Arabic numerals and no leading zeros", () => {
    expect(chineseDate("2021-11-10")).toBe("2021年11月10日");
    expect(chineseDate("2022-06-05")).toBe("2022年6月5日");
    expect(chineseDate("2022-06")).toBe("2022年6月");
    expect(chineseDate("")).toBe("");
  });

  it("names the file after county and year", () => {
    expect(reportFileName("闻喜县", 2021)).toBe("闻喜县-2021-自评报告.docx");
    expect(reportFileName('闻喜/县"', 2021)).toBe("闻喜县-2021-自评报告.docx");
  });

  it("places the date 2 characters right of the issuer's start, or pushes the issuer left for a long date", () => {
    expect(textWidth("2021年11月10日")).toBeCloseTo(8, 5);
    expect(signatureIndents("闻喜县人民政府办公室", "2021年11月10日")).toEqual({ issuer: 2, date: 2 });
    const short = signatureIndents("某县政府", "2021年11月10日");
    expect(short.date).toBe(2);
    expect(short.issuer).toBeCloseTo(8, 5);
  });
});
