// Login throttling under concurrency, against real databases: the limit of 5 failures per account holds when the
// attempts arrive all at once, on one instance or spread over two (two clients on one database); a wrong password
// on a disabled account says only 用户名或密码错误; a flood of failed sign-ins hashes one password at a time.
import { createHook } from "node:async_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_PROVIDERS } from "@/lib/testing/db";
import { useDemoDb } from "@/lib/testing/demo-db";
import { actorFor } from "@/lib/testing/actors";
import { createDb, type Db } from "@/lib/db/connect";
import { DEMO_PASSWORD } from "@/lib/seed/demo";
import { createAuth } from "@/lib/auth/server/auth";
import { signIn } from "@/lib/auth/server/login";
import { THROTTLE, accountKey } from "@/lib/auth/server/throttle";
import { isAppError } from "@/lib/errors";
import { setUserDisabled } from "@/lib/users/server/service";

type Outcome = "evaluated" | "throttled" | "signed-in" | string;

// One better-auth instance per client, as each app instance has one.
const auths = new WeakMap<Db, ReturnType<typeof createAuth>>();
const authOf = (db: Db) => auths.get(db) ?? auths.set(db, createAuth(db)).get(db)!;

async function attempt(db: Db, username: string, password: string, ip: string): Promise<Outcome> {
  try {
    await signIn(db, authOf(db), { username, password }, ip, new Headers());
    return "signed-in";
  } catch (error) {
    if (isAppError(error) && error.code === "UNAUTHENTICATED" && error.message === "用户名或密码错误") return "evaluated";
    if (isAppError(error) && error.code === "THROTTLED") return "throttled";
    return `unexpected: ${error instanceof Error ? error.message : String(error)}`;
  }
}

const tally = (outcomes: Outcome[]) => outcomes.reduce<Record<string, number>>((m, o) => ({ ...m, [o]: (m[o] ?? 0) + 1 }), {});

describe.each(TEST_PROVIDERS)("login throttling under concurrency on %s", (provider) => {
  const t = useDemoDb(provider, { report: false });
  let second: Db;
  beforeAll(async () => {
    // A second client on the same database: a second app instance.
    second = createDb(t.url);
  });
  afterAll(async () => {
    await second?.$disconnect();
  });

  it("40 parallel wrong passwords for one account: at most 5 are evaluated, the rest are throttled", async () => {
    const outcomes = await Promise.all(Array.from({ length: 40 }, (_, i) => attempt(t.db, "wenxi_editor", `Wrong${i}pass`, `10.9.0.${i}`)));
    const counts = tally(outcomes);
    expect(Object.keys(counts).sort()).toEqual(["evaluated", "throttled"]);
    expect(counts.evaluated).toBeLessThanOrEqual(THROTTLE.perAccount);
    expect(counts.evaluated + counts.throttled).toBe(40);
    expect(await t.db.loginFailure.count({ where: { key: accountKey("wenxi_editor") } })).toBeLessThanOrEqual(THROTTLE.perAccount);
    // And the right password is refused too while the account is locked.
    expect(await attempt(t.db, "wenxi_editor", DEMO_PASSWORD, "10.9.1.1")).toBe("throttled");
  }, 90_000);

  // Two instances on one SQLite file are two processes in production; in one process their synchronous lock waits
  // would block each other, so this runs where several instances are the deployment: PostgreSQL.
  it.skipIf(provider === "sqlite")("spread over two instances on one database, the limit still holds", async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, (_, i) => attempt(i % 2 ? second : t.db, "wenxi_lead", `Wrong${i}pass`, `10.8.0.${i}`)),
    );
    const counts = tally(outcomes);
    expect(Object.keys(counts).sort()).toEqual(["evaluated", "throttled"]);
    expect(counts.evaluated).toBeLessThanOrEqual(THROTTLE.perAccount);
  }, 90_000);

  it("the per-address limit holds under concurrency too", async () => {
    const outcomes = await Promise.all(Array.from({ length: 60 }, (_, i) => attempt(t.db, `nobody_${i}`, "Wrong0pass", "10.7.0.1")));
    const counts = tally(outcomes);
    expect(counts.evaluated).toBeLessThanOrEqual(THROTTLE.perAddress);
    expect(counts.evaluated + counts.throttled).toBe(60);
  }, 90_000);

  it("a right password after failures clears the account's count; failures below the limit do not lock", async () => {
    for (let i = 0; i < THROTTLE.perAccount - 1; i++) expect(await attempt(t.db, "shanxi_reviewer", `Wrong${i}pass`, `10.6.0.${i}`)).toBe("evaluated");
    expect(await attempt(t.db, "shanxi_reviewer", DEMO_PASSWORD, "10.6.1.1")).toBe("signed-in");
    expect(await t.db.loginFailure.count({ where: { key: accountKey("shanxi_reviewer") } })).toBe(0);
    expect(await attempt(t.db, "shanxi_reviewer", "Wrong9pass", "10.6.1.2")).toBe("evaluated");
  });

  it("a disabled account says 用户名或密码错误 to a wrong password, and that it is disabled only to the right one", async () => {
    const admin = await actorFor(t.db, "admin");
    const user = await t.db.user.findUniqueOrThrow({ where: { username: "yuncheng_reviewer" } });
    await setUserDisabled(t.db, admin, user.id, true);
    const login = (password: string) => signIn(t.db, authOf(t.db), { username: "yuncheng_reviewer", password }, "10.5.0.1", new Headers());
    await expect(login("Wrong0pass")).rejects.toMatchObject({ code: "UNAUTHENTICATED", message: "用户名或密码错误" });
    await expect(login(DEMO_PASSWORD)).rejects.toMatchObject({ code: "FORBIDDEN", message: "该账号已停用，请联系系统管理员" });
    await setUserDisabled(t.db, admin, user.id, false);
  });
});

describe("password work during a flood of failed sign-ins", () => {
  const t = useDemoDb("sqlite", { report: false });

  it("hashes one password at a time (scrypt in the thread pool, one core left for saves)", async () => {
    // Every scrypt Node runs is an async resource of type SCRYPTREQUEST: count how many are in flight at once.
    const inFlight = new Set<number>();
    let peak = 0;
    const hook = createHook({
      init(id, type) {
        if (type !== "SCRYPTREQUEST") return;
        inFlight.add(id);
        peak = Math.max(peak, inFlight.size);
      },
      after: (id) => void inFlight.delete(id),
      destroy: (id) => void inFlight.delete(id),
    }).enable();
    try {
      // Other accounts and other addresses each time: none of these is throttled, every one costs a hash.
      const outcomes = await Promise.all(Array.from({ length: 8 }, (_, i) => attempt(t.db, i % 2 ? `nobody_${i}` : "wenxi_editor", `Wrong${i}pass`, `10.4.0.${i}`)));
      expect(outcomes.filter((o) => o === "evaluated").length).toBeGreaterThanOrEqual(5);
    } finally {
      hook.disable();
    }
    expect(peak).toBe(1);
  }, 60_000);
});
