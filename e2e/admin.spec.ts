import type { Browser } from "@playwright/test";
import { formAlert, loginWithForm } from "./helpers";
import { expect, test } from "./test";

async function freshPage(browser: Browser) {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

test.describe("administration", () => {
  test("create a user, who signs in; wrong passwords lock the account; disable and reset work", async ({ page, browser, signInAs }, testInfo) => {
    // Eight sign-ins through the form (the new account's, then the lockout) on top of the admin's pages.
    test.setTimeout(120_000);
    // A username of its own per attempt: a retry must not find the account of the failed attempt.
    const clerkName = `linyi_clerk${testInfo.retry ? `_${testInfo.retry}` : ""}`;
    await signInAs(page, "admin");
    await page.getByRole("link", { name: "新建用户" }).click();

    // Client-side checks first: nothing is sent.
    await page.getByRole("button", { name: "创建用户" }).click();
    await expect(page.getByText("用户名至少 3 个字符")).toBeVisible();

    await page.getByLabel("用户名").fill(clerkName);
    await page.getByLabel("姓名").fill("孙丽（临猗县教育局）");
    await page.getByLabel("角色").selectOption("county_editor");
    await page.getByLabel("所属区划").selectOption({ label: "临猗县（140821）" });
    await page.getByLabel("初始密码").fill("Linyi2021a");
    await page.getByRole("button", { name: "创建用户" }).click();
    await expect(page.getByText("用户已创建")).toBeVisible();
    await page.screenshot({ path: "test-results/screens/admin-user-created.png", fullPage: true });

    // A duplicate username is refused at the field.
    await page.goto("/admin/users/new");
    await page.getByLabel("用户名").fill(clerkName);
    await page.getByLabel("姓名").fill("重复");
    await page.getByLabel("所属区划").selectOption({ label: "临猗县（140821）" });
    await page.getByLabel("初始密码").fill("Linyi2021a");
    await page.getByRole("button", { name: "创建用户" }).click();
    await expect(page.getByText(`用户名 ${clerkName} 已被使用`).first()).toBeVisible();

    const clerk = await freshPage(browser);
    await loginWithForm(clerk.page, clerkName, "Linyi2021a");
    await expect(clerk.page).toHaveURL(/\/reports$/);
    await expect(clerk.page.getByRole("heading", { name: "自评报告" })).toBeVisible();
    await clerk.page.getByRole("button", { name: "退出登录" }).click();

    // Five wrong passwords lock the account, even against the right password.
    for (let i = 0; i < 5; i++) {
      await loginWithForm(clerk.page, clerkName, `Wrong${i}pass`);
      await expect(formAlert(clerk.page)).toHaveText("用户名或密码错误");
    }
    await loginWithForm(clerk.page, clerkName, "Linyi2021a");
    await expect(formAlert(clerk.page)).toContainText("登录失败次数过多");

    // Disable: the account can no longer sign in.
    await page.goto(`/admin/users?q=${clerkName}`);
    await page.getByRole("link", { name: "编辑" }).click();
    page.once("dialog", (d) => d.accept());
    await page.getByRole("button", { name: "停用账号" }).click();
    await expect(page.getByText("该账号已停用，不能登录。")).toBeVisible();
    await page.getByRole("button", { name: "启用账号" }).click();
    await expect(page.getByText("该账号正常使用中。")).toBeVisible();

    // Reset the password (a weak one is refused first).
    await page.getByLabel("新密码").fill("weak");
    await page.getByRole("button", { name: "重置密码" }).click();
    await expect(page.getByText("密码至少 8 位")).toBeVisible();
    await page.getByLabel("新密码").fill("Reset2021b");
    await page.getByRole("button", { name: "重置密码" }).click();
    await expect(page.getByText("密码已重置")).toBeVisible();
    await clerk.context.close();
  });

  test("import regions from CSV: bad rows are listed and nothing is written; a clean file goes in", async ({ page, signInAs }) => {
    await signInAs(page, "admin");
    await page.goto("/admin/regions");
    const bad = "代码,名称,上级代码\n140900,忻州市,140000\n14090A,忻府区,140900\n140902,定襄县,888888\n";
    await page.getByLabel("CSV 文件").setInputFiles({ name: "regions.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
    await page.getByRole("button", { name: "导入" }).click();
    const errors = page.getByRole("table", { name: "导入错误" });
    await expect(errors).toContainText("第 3 行");
    await expect(errors).toContainText("不是 6 位行政区划代码");
    await expect(errors).toContainText("第 4 行");
    await expect(errors).toContainText("上级代码 888888 不存在");
    await page.screenshot({ path: "test-results/screens/admin-regions-import-errors.png", fullPage: true });
    await page.reload();
    await expect(page.getByRole("table", { name: "行政区划" })).not.toContainText("忻州市");

    const good = "代码,名称,上级代码\n140900,忻州市,140000\n140902,定襄县,140900\n";
    await page.getByLabel("CSV 文件").setInputFiles({ name: "regions.csv", mimeType: "text/csv", buffer: Buffer.from(good) });
    await page.getByRole("button", { name: "导入" }).click();
    await expect(page.getByText("导入完成：新增 2 个")).toBeVisible();
    await expect(page.getByRole("table", { name: "行政区划" })).toContainText("定襄县");
  });

  test("add, rename and delete a region by hand", async ({ page, signInAs }) => {
    await signInAs(page, "admin");
    await page.goto("/admin/regions");
    const add = page.getByRole("form", { name: "添加行政区划" });
    await add.getByLabel("上级区划").selectOption({ label: "临汾市（141000）" });
    await add.getByLabel("行政区划代码").fill("141021");
    await add.getByLabel("名称").fill("曲沃县");
    await add.getByRole("button", { name: "添加" }).click();
    await expect(page.getByText("已添加 曲沃县")).toBeVisible();
    await page.getByRole("button", { name: "编辑曲沃县" }).click();
    const edit = page.getByRole("form", { name: "编辑曲沃县" });
    await edit.getByLabel("名称").fill("曲沃县（改）");
    await edit.getByRole("button", { name: "保存" }).click();
    await expect(page.getByRole("table", { name: "行政区划" })).toContainText("曲沃县（改）");
    page.once("dialog", (d) => d.accept());
    await page.getByRole("row", { name: /曲沃县（改）/ }).getByRole("button", { name: "删除" }).click();
    await expect(page.getByRole("table", { name: "行政区划" })).not.toContainText("曲沃县");
  });

  test("change one's own password", async ({ page, county, signIn }) => {
    // A county lead of its own: the demo lead signs in through the form in other specs running at the same time.
    await signIn(page, county.lead);
    await page.goto("/");
    await expect(page).toHaveURL(/\/reports$/);
    await page.getByRole("link", { name: "修改密码" }).click();
    await page.getByLabel("当前密码").fill("wrong-current1");
    await page.getByLabel("新密码", { exact: true }).fill("Lead2022new");
    await page.getByLabel("确认新密码").fill("Lead2022new");
    await page.getByRole("button", { name: "保存新密码" }).click();
    await expect(page.getByText("当前密码不正确").first()).toBeVisible();
    await page.getByLabel("当前密码").fill("Demo2021");
    await page.getByRole("button", { name: "保存新密码" }).click();
    await expect(page.getByText("密码已修改")).toBeVisible();
    // And once more, from the new password: it is now the current one.
    await page.getByLabel("当前密码").fill("Lead2022new");
    await page.getByLabel("新密码", { exact: true }).fill("Demo2021");
    await page.getByLabel("确认新密码").fill("Demo2021");
    await page.getByRole("button", { name: "保存新密码" }).click();
    await expect(page.getByText("密码已修改")).toBeVisible();
  });
});
