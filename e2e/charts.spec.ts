import { firstLoadJsKb } from "../scripts/bench/first-load";
import { DEMO } from "./helpers";
import { expect, test } from "./test";

test("the dashboard's first-load JS: the chart library is not part of it", async ({ page, signIn, baseURL }) => {
  await signIn(page, DEMO.province_reviewer.username);
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const kb = await firstLoadJsKb(baseURL!, "/review", cookie);
  console.log(`review_first_load_js_kb=${kb}`);
  expect(kb).toBeGreaterThan(50);
});
