// Account administration and sign-in against real databases, through better-auth itself.
import { beforeAll, describe, expect, it } from "vitest";
import { TEST_PROVIDERS } from "@/lib/testing/db";
import { useDemoDb } from "@/lib/testing/demo-db";
import { actorFor } from "@/lib/testing/actors";
import { DEMO_PASSWORD } from "@/lib/seed/demo";
import { createAuth, type Auth } from "@/lib/auth/server/auth";
import { signIn } from "@/lib/auth/server/login";
import { THROTTLE } from "@/lib/auth/server/throttle";
import { createUser, resetPassword, setUserDisabled, updateUser } from "@/lib/users/server/service";

const cookieHeader = (setCookie: string[]) => new Headers({ cookie: setCookie.map((c) => c.split(";")[0]).join("; ") });

describe.each(TEST_PROVIDERS)("accounts on %s", (provider) => {
  const t = useDemoDb(provider);
  let auth: Auth;
  beforeAll(async () => {
    auth = createAuth(t.db);
  });

  const login = (username: string, password: string, ip = "10.0.0.1") =>
    signIn(t.db, auth, { username, password }, ip, new Headers());

  it("signs a demo user in with a database session and lands on the role's start page", async () => {
    const result = await login("wenxi_editor", DEMO_PASSWORD);
    expect(result.startPage).toBe("/reports");
    expect(result.setCookie.join(";")).toMatch(/edu\.session_token=.+HttpOnly/i);
    const session = await auth.api.getSession({ headers: cookieHeader(result.setCookie) });
    expect(session?.user.username).toBe("wenxi_editor");
    expect(await t.db.session.count({ where: { userId: session!.user.id } })).toBeGreaterThan(0);
  });

  it("answers a wrong password in Chinese, without saying which part was wrong", async () => {
    await expect(login("wenxi_lead", "wrong-password1")).rejects.toMatchObject({ code: "UNAUTHENTICATED", message: "用户名或密码错误" });
    await expect(login("nobody_here", "wrong-password1")).rejects.toMatchObject({ message: "用户名或密码错误" });
  });

  it("throttles an account after repeated failures, even with the right password, from any address", async () => {
    for (let i = 0; i < THROTTLE.perAccount; i++) {
      await expect(login("yuncheng_reviewer", `bad-${i}-pass`, `10.1.0.${i}`)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    }
    await expect(login("yuncheng_reviewer", DEMO_PASSWORD, "10.2.0.1")).rejects.toMatchObject({ code: "THROTTLED" });
    await expect(login("yuncheng_reviewer", DEMO_PASSWORD)).rejects.toThrow(/登录失败次数过多/);
    // Other accounts are unaffected.
    await expect(login("shanxi_reviewer", DEMO_PASSWORD, "10.2.0.1")).resolves.toMatchObject({ startPage: "/review" });
  });

  it("creates a user that can sign in; refuses a duplicate, a wrong level and an unknown region with nothing written", async () => {
    const admin = await actorFor(t.db, "admin");
    const before = await t.db.user.count();
    await createUser(t.db, admin, { username: "Yanhu_Clerk", name: "周洁", role: "county_editor", regionCode: "140802", password: "Yanhu2021x" });
    await expect(login("yanhu_clerk", "Yanhu2021x")).resolves.toMatchObject({ startPage: "/reports" });

    await expect(
      createUser(t.db, admin, { username: "yanhu_clerk", name: "重复", role: "county_editor", regionCode: "140802", password: "Yanhu2021x" }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", fieldErrors: { username: ["用户名 yanhu_clerk 已被使用"] } });
    await expect(
      createUser(t.db, admin, { username: "city_as_county", name: "错级", role: "county_editor", regionCode: "140800", password: "Yanhu2021x" }),
    ).rejects.toMatchObject({ fieldErrors: { regionCode: ["县级填报员须属于县级区划"] } });
    await expect(
      createUser(t.db, admin, { username: "ghost_region", name: "未知", role: "county_editor", regionCode: "149999", password: "Yanhu2021x" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: "行政区划不存在或您无权访问" });
    expect(await t.db.user.count()).toBe(before + 1);
  });

  it("disabling an account ends its sessions and blocks sign-in; enabling restores it", async () => {
    const admin = await actorFor(t.db, "admin");
    const { setCookie } = await login("wenxi_lead", DEMO_PASSWORD, "10.3.0.1");
    const lead = await t.db.user.findUniqueOrThrow({ where: { username: "wenxi_lead" } });
    await setUserDisabled(t.db, admin, lead.id, true);
    expect(await auth.api.getSession({ headers: cookieHeader(setCookie) })).toBeNull();
    await expect(login("wenxi_lead", DEMO_PASSWORD, "10.3.0.1")).rejects.toMatchObject({ message: "该账号已停用，请联系系统管理员" });
    await setUserDisabled(t.db, admin, lead.id, false);
    await expect(login("wenxi_lead", DEMO_PASSWORD, "10.3.0.2")).resolves.toMatchObject({ startPage: "/reports" });
    await expect(setUserDisabled(t.db, admin, admin.userId, true)).rejects.toMatchObject({ message: "不能停用自己的账号" });
  });

  it("resets a password: the old one stops working and existing sessions end", async () => {
    const admin = await actorFor(t.db, "admin");
    const { setCookie } = await login("shanxi_reviewer", DEMO_PASSWORD, "10.4.0.1");
    const user = await t.db.user.findUniqueOrThrow({ where: { username: "shanxi_reviewer" } });
    await resetPassword(t.db, admin, user.id, "NewPass2022");
    expect(await auth.api.getSession({ headers: cookieHeader(setCookie) })).toBeNull();
    await expect(login("shanxi_reviewer", DEMO_PASSWORD, "10.4.0.2")).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(login("shanxi_reviewer", "NewPass2022", "10.4.0.3")).resolves.toMatchObject({ startPage: "/review" });
  });

  it("changing role or region signs the person out; a city admin cannot reach another city's users", async () => {
    const admin = await actorFor(t.db, "admin");
    const { setCookie } = await login("wenxi_editor", DEMO_PASSWORD, "10.5.0.1");
    const editor = await t.db.user.findUniqueOrThrow({ where: { username: "wenxi_editor" } });
    await updateUser(t.db, admin, { id: editor.id, name: editor.name, role: "county_lead", regionCode: "140823" });
    expect(await auth.api.getSession({ headers: cookieHeader(setCookie) })).toBeNull();
    expect((await t.db.user.findUniqueOrThrow({ where: { id: editor.id } })).role).toBe("county_lead");
    const events = await t.db.auditEvent.findMany({ where: { targetId: editor.id, action: "user.update" } });
    expect(events).toHaveLength(1);
  });

  it("logs out: the session row is gone and the cookie no longer works", async () => {
    const { setCookie } = await login("shanxi_reviewer", "NewPass2022", "10.6.0.1");
    const headers = cookieHeader(setCookie);
    expect(await auth.api.getSession({ headers })).not.toBeNull();
    await auth.api.signOut({ headers });
    expect(await auth.api.getSession({ headers })).toBeNull();
  });
});
