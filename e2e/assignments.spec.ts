// Many hands, one report (issue 20): the county lead assigns （四）财政教育支出情况 to 县财政局 with a due date and
// creates a contributor; the contributor signs in, finds only that criterion editable (another criterion has no
// edit controls and the server refuses its save), fills the two growth rates with their source and hands it in;
// the lead sees it on the board, sends it back once with a note and confirms it on the second try; the reviewer
// sees who entered the figure. A fresh county of 运城市 stands in for 闻喜 so no other spec's report is touched.
import type { Page } from "@playwright/test";
import { DEMO, loginWithForm } from "./helpers";
import { expect, test } from "./test";

const FUNDING = "criterion:education_funding";

async function saved(page: Page) {
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved", { timeout: 15_000 });
}

function inDays(days: number) {
  return new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

test("the lead assigns the finance criterion, the finance bureau fills and hands it in, sent back once, confirmed; the reviewer sees who", async ({ county, createReport, pageAs, browser }) => {
  test.setTimeout(300_000);
  const reportId = await createReport(county);
  const username = `fin_${county.code}`;
  const password = "Caizheng2026";

  // The lead: a contributor account for the finance bureau, then the criterion to 县财政局 with a due date.
  const lead = await pageAs(county.lead);
  await lead.goto(`/reports/${reportId}`);
  await lead.getByRole("link", { name: "分工与进度" }).click();
  await expect(lead.getByRole("heading", { name: "分工与进度" })).toBeVisible();
  const people = lead.getByRole("form", { name: "创建部门填报人" });
  await people.getByLabel("用户名").fill(username);
  await people.getByLabel("姓名").fill("陈静");
  await people.getByLabel("所在单位").fill("县财政局");
  await people.getByLabel("初始密码").fill(password);
  await people.getByRole("button", { name: "创建填报人" }).click();
  await expect(people.getByRole("status")).toContainText("已创建部门填报人 陈静");

  const assign = lead.getByRole("form", { name: "分配填报任务" });
  await assign.getByLabel("评价项目").selectOption({ label: "（四）财政教育支出情况" });
  await assign.getByLabel("主责单位").fill("县财政局");
  await assign.getByLabel("配合单位").fill("县教育局计财股");
  await assign.getByLabel("截止日期").fill(inDays(7));
  await assign.getByLabel("说明").fill("请填写两个“只增不减”增长率并注明来源");
  await assign.getByLabel(/陈静/).check();
  await assign.getByRole("button", { name: "分配" }).click();
  await expect(assign.getByRole("status")).toContainText("已分配：（四）财政教育支出情况 → 县财政局");
  // A second item, already late and not yet given to anyone: shown in red.
  await assign.getByLabel("评价项目").selectOption({ label: "（一）全面加强党对教育工作的领导情况" });
  await assign.getByLabel("主责单位").fill("县委教育工委");
  await assign.getByLabel("截止日期").fill(inDays(-2));
  await expect(assign.getByLabel(/陈静/)).not.toBeChecked();
  await assign.getByRole("button", { name: "分配" }).click();
  await expect(assign.getByRole("status")).toContainText("县委教育工委");
  const row = lead.getByTestId(`board-${FUNDING}`);
  await expect(row).toContainText("未开始");
  const late = lead.getByTestId("board-criterion:party_leadership");
  await expect(late).toContainText("已逾期");
  await expect(late).not.toContainText("县教育局计财股");

  // The contributor signs in and lands on their tasks.
  const context = await browser.newContext();
  const fin = await context.newPage();
  await loginWithForm(fin, username, password);
  await expect(fin).toHaveURL(/\/tasks$/);
  await fin.getByRole("link", { name: "（四）财政教育支出情况" }).click();
  await expect(fin).toHaveURL(new RegExp(`/reports/${reportId}/items`));
  // Another criterion: shown read-only, no edit controls; the server refuses its save and the whole report.
  await fin.goto(`/reports/${reportId}/items?s=criterion:party_leadership`);
  await expect(fin.getByRole("textbox", { name: /建立健全工作机制情况/ })).not.toBeEditable();
  const origin = new URL(fin.url()).origin;
  const refused = await fin.request.put(`/api/reports/${reportId}/sections/${encodeURIComponent("criterion:party_leadership")}`, {
    data: { baseVersion: 0, content: { narrative: { type: "doc", content: [] } } },
    headers: { origin },
  });
  expect(refused.status()).toBe(404);
  expect((await fin.request.get(`/reports/${reportId}`)).status()).toBe(404);
  expect((await fin.request.get(`/api/reports/${reportId}/export`)).status()).toBe(404);

  // Their own criterion: the two growth rates as the finance bureau states them, with the source.
  await fin.goto(`/reports/${reportId}/items?s=${encodeURIComponent(FUNDING)}`);
  for (const [key, value] of [
    ["edu_expenditure_growth", "62.93"],
    ["edu_expenditure_per_student_growth", "2.25"],
  ] as const) {
    const indicator = fin.getByTestId(`indicator-${key}`);
    await indicator.getByLabel("直接填写结果").check();
    await indicator.getByRole("textbox", { name: /增长率（%）/ }).fill(value);
    await indicator.getByRole("textbox", { name: "来源" }).fill("县财政局2021年决算");
    await expect(indicator.getByTestId("status")).toHaveText("达标");
  }
  await saved(fin);
  await fin.screenshot({ path: "test-results/screens/assignments-contributor-editor.png" });
  await fin.getByRole("button", { name: "已提交本部门" }).click();
  const task = fin.getByRole("region", { name: "任务：（四）财政教育支出情况" });
  await expect(task).toContainText("已交");
  await expect(fin.getByRole("button", { name: "已提交本部门" })).toHaveCount(0);

  // The lead sees it handed in and sends it back once, with a note.
  await lead.reload();
  await expect(row).toContainText("已交");
  await row.getByRole("button", { name: "退回" }).click();
  await row.getByLabel("退回意见").fill("请注明统计截止月份");
  await row.getByRole("button", { name: "退回" }).last().click();
  await expect(row).toContainText("已退回");
  await expect(row).toContainText("退回意见：请注明统计截止月份");

  // The contributor reads the note, corrects the source and hands it in again.
  await fin.reload();
  await expect(task).toContainText("退回意见：请注明统计截止月份");
  const growth = fin.getByTestId("indicator-edu_expenditure_growth");
  await growth.getByRole("textbox", { name: "来源" }).fill("县财政局2021年决算（截至12月）");
  await saved(fin);
  await fin.getByRole("button", { name: "已提交本部门" }).click();
  await expect(task).toContainText("已交");

  // Accepted on the second try.
  await lead.reload();
  await expect(row).toContainText("已交");
  await row.scrollIntoViewIfNeeded();
  await lead.screenshot({ path: "test-results/screens/assignments-board.png" });
  await row.getByRole("button", { name: "确认" }).click();
  await expect(row).toContainText("已确认");
  const xlsx = await lead.request.get(`/api/reports/${reportId}/assignments/export`);
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");

  // The reviewer sees who entered the figure.
  const reviewer = await pageAs(DEMO.city_reviewer.username);
  await reviewer.goto(`/reports/${reportId}/history`);
  const provenance = reviewer.getByRole("table", { name: "填写来源" });
  await expect(provenance.getByRole("row").filter({ hasText: "一般公共预算教育支出增长率（直接填写）" }).first()).toContainText("县财政局");
  await expect(provenance.getByRole("row").filter({ hasText: "一般公共预算教育支出增长率（直接填写）" }).first()).toContainText("陈静");
  await context.close();
});
