// The rectification ledger (整改台账) across years: next year's report for a county opens with last year's items —
// its own 存在问题 and a reviewer's 整改要求 — as the 上年整改事项 checklist; the county closes one with evidence and
// explains one (both counted in 提交前检查 until then); the city reviewer 复核s: accepts the closure, rejects the
// explanation with a reason, and the county sees it back at 整改中.
import path from "node:path";
import { require as tsxRequire } from "tsx/cjs/api";
import type * as LedgerSeed from "./fixtures/ledger-seed";
import { DEMO } from "./helpers";
import { expect, test } from "./test";

const seed = () => tsxRequire("./fixtures/ledger-seed.ts", __filename) as typeof LedgerSeed;
const databaseUrl = () => `file:${path.join(process.env.E2E_DATA_DIR!, "e2e.db")}`;

test.describe("整改台账", () => {
  test("last year's items open next year's report; the county closes and explains; the reviewer 复核s", async ({ county, pageAs }) => {
    test.setTimeout(240_000);
    const { thisYear } = await seed().lastYearWithLedger(databaseUrl(), county);

    const editor = await pageAs(county.editor);
    await editor.goto(`/reports/${thisYear}`);
    const checklist = editor.getByRole("region", { name: /上年整改事项/ });
    await expect(checklist.getByRole("heading", { name: "上年整改事项（8 项）" })).toBeVisible();
    await expect(checklist.getByRole("status").first()).toHaveText("还有 8 项未完成或说明，处理完才能提交");
    const first = checklist.getByRole("listitem", { name: "整改事项 1" });
    await expect(first).toContainText("组织理论学习不够");
    await expect(first).toContainText("本县自查问题");
    await expect(checklist.getByRole("listitem", { name: "整改事项 8" })).toContainText("督导整改要求");

    // 已完成 needs its evidence: refused in the form first, then saved.
    await first.getByLabel("整改状态").selectOption("已完成");
    await first.getByRole("button", { name: "保存" }).click();
    await expect(first.getByRole("alert")).toContainText("须写明完成情况");
    await first.getByLabel("完成情况（整改佐证）").fill("印发《党组织理论学习制度》，全年集中学习 12 次，覆盖全体党员");
    await first.getByRole("button", { name: "保存" }).click();
    await expect(checklist.getByRole("status").first()).toHaveText("还有 7 项未完成或说明，处理完才能提交");

    const second = checklist.getByRole("listitem", { name: "整改事项 2" });
    await second.getByLabel("整改状态").selectOption("未完成需说明");
    await second.getByLabel("未完成的原因和下一步安排").fill("县级培训体系方案已报县政府，待 2023 年预算安排后实施");
    await second.getByRole("button", { name: "保存" }).click();
    await expect(checklist.getByRole("status").first()).toHaveText("还有 6 项未完成或说明，处理完才能提交");
    await expect(second.getByLabel("整改状态")).toHaveValue("未完成需说明");

    // 提交前检查 lists the six still open under 上年整改事项, and jumps to them.
    await editor.getByRole("button", { name: /提交前检查/ }).first().click();
    const precheck = editor.getByRole("article", { name: "提交前检查" });
    await expect(precheck.getByRole("heading", { name: "上年整改事项" })).toBeVisible();
    await expect(precheck.getByRole("button", { name: /上年整改事项 \d+ 尚未完成或说明/ })).toHaveCount(6);
    await editor.evaluate(() => window.scrollTo(0, 0));
    await editor.screenshot({ path: "test-results/screens/ledger-checklist.png" });

    // The city reviewer's ledger: overdue and 待复核 per county, then the 复核.
    const reviewer = await pageAs(DEMO.city_reviewer.username);
    await reviewer.goto("/review");
    const row = reviewer.getByRole("row", { name: new RegExp(county.name) });
    await expect(row.getByRole("link", { name: /整改台账：8 项，超期 \d+ 项，待复核 2 项/ })).toBeVisible();
    await row.getByRole("link", { name: /整改台账/ }).click();
    await expect(reviewer).toHaveURL(new RegExp(`/review/ledger\\?county=${county.code}`));
    const card = reviewer.locator("section", { hasText: `${county.name}（8 项` });
    const done = card.getByRole("listitem", { name: "整改事项 1" });
    await expect(done).toContainText("完成情况：印发《党组织理论学习制度》");
    await reviewer.screenshot({ path: "test-results/screens/ledger-reviewer.png" });
    await done.getByRole("button", { name: "复核通过" }).click();
    await expect(done).toContainText("复核通过");
    await expect(done.getByRole("button", { name: "复核通过" })).toHaveCount(0);

    const explained = card.getByRole("listitem", { name: "整改事项 2" });
    await explained.getByRole("button", { name: "复核不通过" }).click();
    await expect(explained.getByRole("alert")).toHaveText("复核不通过须写明理由");
    await explained.getByLabel("复核意见（不通过时必填）").fill("请写明培训体系的时间表和经费来源");
    await explained.getByRole("button", { name: "复核不通过" }).click();
    await expect(explained).toContainText("复核未通过");
    await expect(explained).toContainText("整改中");

    // The county sees both outcomes on its checklist; the rejected one counts again.
    await editor.reload();
    await expect(checklist.getByRole("listitem", { name: "整改事项 1" })).toContainText("复核通过");
    await expect(checklist.getByRole("listitem", { name: "整改事项 1" }).getByRole("button", { name: "保存" })).toHaveCount(0);
    await expect(checklist.getByRole("listitem", { name: "整改事项 2" })).toContainText("复核未通过（王芳（运城市督导室）");
    await expect(checklist.getByRole("status").first()).toHaveText("还有 7 项未完成或说明，处理完才能提交");

    // The province reviewer sees it too (another city's reviewer does not: lib/review/ledger/server/ledger.integration.test.ts).
    const province = await pageAs(DEMO.province_reviewer.username);
    await province.goto(`/review/ledger?county=${county.code}`);
    await expect(province.getByText(`${county.name}（8 项`)).toBeVisible();
  });
});
