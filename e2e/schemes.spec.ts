// Criteria are data: an administrator uploads another province's scheme (grouped numbering, different items and
// figures, a 上年问题整改情况 part) and a county writes against it — no code change.
import { writeFileSync } from "node:fs";
import { expect, test } from "./test";

const grouped = {
  code: "e2e-grouped-2022",
  title: "2022年对县级政府履行教育职责的评价方案（测试省）",
  province: "测试省",
  level: "county",
  year: 2022,
  version: 1,
  notice: { title: "测试省人民政府教育督导委员会关于开展2022年履职评价的通知", docNumber: "测教督〔2022〕3号" },
  numbering: "grouped",
  groups: [
    { code: "leadership", title: "加强党的领导", criteria: ["party", "reform"] },
    { code: "priority", title: "落实教育优先发展", criteria: ["funding"] },
  ],
  parts: [
    { key: "rectification", kind: "rectification", title: "上年问题整改情况" },
    { key: "profile", kind: "profile", title: "基本情况", inputs: [] },
    { key: "self_check", kind: "criteria", title: "履职情况" },
    { key: "problems", kind: "problems", title: "存在问题" },
    { key: "next_steps", kind: "nextSteps", title: "下一步打算" },
  ],
  criteria: [
    { code: "party", ordinal: 1, title: "党建工作", guidance: "写党组织建设情况。" },
    { code: "reform", ordinal: 2, title: "评价改革", guidance: "写评价改革举措。" },
    {
      code: "funding",
      ordinal: 3,
      title: "两个只增不减",
      guidance: "填写本年和上年支出。",
      inputs: [
        { key: "spend", label: "本年教育支出", unit: "万元", kind: "decimal" },
        { key: "spend_prev", label: "上年教育支出", unit: "万元", kind: "decimal" },
      ],
      indicators: [{ key: "spend_growth", label: "教育支出增长率", unit: "%", formula: { op: "growth", current: "spend", previous: "spend_prev" }, target: { op: ">=", value: 0 } }],
    },
  ],
};

test("an uploaded grouped scheme gives a working editor", async ({ page, county, signInAs, pageAs }) => {
  await signInAs(page, "admin");
  await page.goto("/admin/schemes");
  const broken = { ...grouped, criteria: [{ ...grouped.criteria[2], indicators: [{ key: "loop", label: "循环", formula: { op: "magic", of: "loop" } }] }] };
  await page.getByLabel("评价方案 JSON 文件").setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(broken)) });
  await page.getByRole("button", { name: /上传/ }).click();
  const errors = page.getByRole("table", { name: "评价方案错误" });
  await expect(errors).toContainText("criteria[0].indicators[0].formula");
  await expect(errors).toContainText("magic");

  await page.getByLabel("评价方案 JSON 文件").setInputFiles({ name: "grouped.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(grouped)) });
  await page.getByRole("button", { name: /上传/ }).click();
  await expect(page.getByText(/已保存|已上传/).first()).toBeVisible();

  const clerk = await pageAs(county.editor);
  await clerk.goto("/");
  await expect(clerk).toHaveURL(/\/reports$/);
  await clerk.getByLabel("评价方案").selectOption({ label: `${grouped.title}（第 1 版）` });
  await clerk.getByRole("button", { name: "创建报告" }).click();
  await expect(clerk).toHaveURL(/\/reports\/[0-9a-f-]{36}$/);
  const outline = clerk.getByRole("navigation", { name: "报告大纲" });
  await expect(outline).toContainText("一、上年问题整改情况");
  await expect(outline).toContainText("三、履职情况");
  await outline.getByRole("button", { name: /3\.两个只增不减/ }).click();
  await expect(clerk.getByText("（二）落实教育优先发展")).toBeVisible();
  await clerk.getByRole("textbox", { name: "本年教育支出（万元）" }).fill("57628");
  await clerk.getByRole("textbox", { name: "上年教育支出（万元）" }).fill("35370");
  await expect(clerk.getByTestId("indicator-spend_growth").getByTestId("value")).toHaveText("62.93%");
  await expect(clerk.getByTestId("indicator-spend_growth").getByTestId("status")).toHaveText("达标");
  await expect(clerk.getByTestId("save-status")).toHaveAttribute("data-state", "saved", { timeout: 15_000 });
  await clerk.screenshot({ path: "test-results/screens/editor-grouped-scheme.png", fullPage: true });
});

test("uploads that are too large or not what they claim are refused with a clear message", async ({ page, county, signIn, createReport }, testInfo) => {
  const reportId = await createReport(county);
  await signIn(page, county.editor);
  await page.goto(`/reports/${reportId}?s=criterion:preschool`);
  await page.getByLabel("上传佐证材料").setInputFiles({ name: "通知.pdf", mimeType: "application/pdf", buffer: Buffer.from("<html><script>alert(1)</script></html>") });
  await expect(page.getByText(/不支持的文件类型或文件内容与扩展名不符/)).toBeVisible();
  // From a file on disk, which the browser reads itself: handed over as a buffer, Playwright sends the 21 MB through
  // its protocol as base64 for the page to decode, which took 40 s of this test's 60 on a busy machine.
  const big = testInfo.outputPath("照片.png");
  writeFileSync(big, Buffer.alloc(21 * 1024 * 1024));
  await page.getByLabel("上传佐证材料").setInputFiles(big);
  await expect(page.getByText(/单个佐证材料不能超过 20 MB/)).toBeVisible();
  // The server refuses it too, without reading it, when a client skips the browser check.
  const res = await page.request.post(`/api/reports/${reportId}/evidence`, {
    headers: { origin: new URL(page.url()).origin },
    multipart: { criterionCode: "preschool", file: { name: "大.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(25 * 1024 * 1024) } },
  });
  expect(res.status()).toBe(413);
  expect((await res.json()).error).toContain("不能超过 20 MB");
  await expect(page.getByRole("list", { name: "已上传的佐证材料" })).toHaveCount(0);
});
