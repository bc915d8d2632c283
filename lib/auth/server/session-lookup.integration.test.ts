// The per-request session check must agree with better-auth's own getSession on every case that matters for
// security: signed in, signed out, tampered cookie, disabled account, expired session, session due for renewal.
import { beforeAll, describe, expect, it } from "vitest";
import { TEST_PROVIDERS } from "@/lib/testing/db";
import { useDemoDb } from "@/lib/testing/demo-db";
import { actorFor } from "@/lib/testing/actors";
import { DEMO_PASSWORD } from "@/lib/seed/demo";
import { createAuth, SESSION_HOURS, type Auth } from "@/lib/auth/server/auth";
import { signIn } from "@/lib/auth/server/login";
import { lookupActor, verifySignedCookie, type ReadCookie } from "@/lib/auth/server/session-lookup";
import { setUserDisabled } from "@/lib/users/server/service";

/** The cookies a browser would send back, URL-decoded as Next.js's `cookies()` hands them over. */
function jarOf(setCookie: string[]): { read: ReadCookie; headers: Headers; token: () => string } {
  const pairs = setCookie.map((c) => c.split(";")[0]).filter((p) => !p.endsWith("="));
  const map = new Map(pairs.map((p) => [p.slice(0, p.indexOf("=")), decodeURIComponent(p.slice(p.indexOf("=") + 1))]));
  return {
    read: (name) => map.get(name),
    headers: new Headers({ cookie: pairs.join("; ") }),
    token: () => map.get("edu.session_token")!.split(".")[0],
  };
}

describe.each(TEST_PROVIDERS)("session lookup on %s", (provider) => {
  const t = useDemoDb(provider);
  let auth: Auth;
  beforeAll(async () => {
    auth = createAuth(t.db);
  });

  const login = async (username: string) => jarOf((await signIn(t.db, auth, { username, password: DEMO_PASSWORD }, "10.0.0.1", new Headers())).setCookie);

  it("finds the same person as better-auth, with role and region from the database", async () => {
    const jar = await login("wenxi_editor");
    const actor = await lookupActor(t.db, auth, jar.read);
    expect(actor).toEqual(await actorFor(t.db, "wenxi_editor"));
    const session = await auth.api.getSession({ headers: jar.headers });
    expect(session?.user.id).toBe(actor !== "delegate" ? actor?.userId : undefined);
  });

  it("refuses a missing, unsigned, re-signed or unknown cookie", async () => {
    const jar = await login("wenxi_lead");
    const raw = jar.read("edu.session_token")!;
    const [token, signature] = [raw.slice(0, raw.lastIndexOf(".")), raw.slice(raw.lastIndexOf(".") + 1)];
    const only = (value: string | undefined): ReadCookie => (name) => (name === "edu.session_token" ? value : undefined);
    expect(await lookupActor(t.db, auth, only(undefined))).toBeNull();
    expect(await lookupActor(t.db, auth, only(token))).toBeNull();
    expect(await lookupActor(t.db, auth, only(`${token}.${"A".repeat(43)}=`))).toBeNull();
    // Another last character (not always "x": a token may end in one).
    const altered = token.slice(0, -1) + (token.endsWith("x") ? "y" : "x");
    expect(await lookupActor(t.db, auth, only(`${altered}.${signature}`))).toBeNull();
    expect(verifySignedCookie(raw, "another-secret-0123456789-0123456789")).toBeNull();
    expect(verifySignedCookie(raw, (await auth.$context).secret)).toBe(token);
  });

  it("takes effect at once on sign-out and on disabling the account", async () => {
    const out = await login("wenxi_lead");
    expect(await lookupActor(t.db, auth, out.read)).toMatchObject({ username: "wenxi_lead" });
    await auth.api.signOut({ headers: out.headers });
    expect(await lookupActor(t.db, auth, out.read)).toBeNull();

    const disabled = await login("shanxi_reviewer");
    const user = await t.db.user.findUniqueOrThrow({ where: { username: "shanxi_reviewer" } });
    // Disabling deletes the sessions; a session that somehow survived still acts as nobody.
    await t.db.user.update({ where: { id: user.id }, data: { disabled: true } });
    expect(await lookupActor(t.db, auth, disabled.read)).toBeNull();
    await t.db.user.update({ where: { id: user.id }, data: { disabled: false } });
    expect(await lookupActor(t.db, auth, disabled.read)).toMatchObject({ username: "shanxi_reviewer" });
    await setUserDisabled(t.db, await actorFor(t.db, "admin"), user.id, true);
    expect(await lookupActor(t.db, auth, disabled.read)).toBeNull();
  });

  it("ends a session SESSION_HOURS after sign-in, not better-auth's fixed day for unremembered browsers", async () => {
    const before = Date.now();
    const jar = await login("wenxi_editor");
    const row = await t.db.session.findUniqueOrThrow({ where: { token: jar.token() } });
    const hours = (row.expiresAt.getTime() - before) / 3600_000;
    expect(hours).toBeGreaterThan(SESSION_HOURS - 0.1);
    expect(hours).toBeLessThanOrEqual(SESSION_HOURS + 0.01);
  });

  it("hands expired sessions and sessions due for renewal to better-auth", async () => {
    const jar = await login("yuncheng_reviewer");
    const { expiresIn, updateAge } = (await auth.$context).sessionConfig;
    await t.db.session.update({ where: { token: jar.token() }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await lookupActor(t.db, auth, jar.read)).toBe("delegate");
    // better-auth then refuses it and deletes the row.
    expect(await auth.api.getSession({ headers: jar.headers })).toBeNull();
    expect(await t.db.session.count({ where: { token: jar.token() } })).toBe(0);

    // A remembered session (no dont_remember cookie) older than updateAge is renewed by better-auth; ours are
    // "don't remember me" sessions and never are.
    const fresh = await login("yuncheng_reviewer");
    const due = new Date(Date.now() + (expiresIn - updateAge - 60) * 1000);
    await t.db.session.update({ where: { token: fresh.token() }, data: { expiresAt: due } });
    expect(await lookupActor(t.db, auth, fresh.read)).toMatchObject({ username: "yuncheng_reviewer" });
    const remembered: ReadCookie = (name) => (name.includes("dont_remember") ? undefined : fresh.read(name));
    expect(await lookupActor(t.db, auth, remembered)).toBe("delegate");
  });

  it("never moves the end of a session past SESSION_HOURS after sign-in, even when only the session cookie is sent", async () => {
    // Signed in two hours ago; the browser (or a script) sends only edu.session_token, so better-auth takes the
    // session for a remembered one and would renew it every updateAge.
    const jar = await login("wenxi_lead");
    const signedIn = new Date(Date.now() - 2 * 3600_000);
    const end = new Date(signedIn.getTime() + SESSION_HOURS * 3600_000);
    await t.db.session.update({ where: { token: jar.token() }, data: { createdAt: signedIn, updatedAt: signedIn, expiresAt: end } });
    const onlyToken: ReadCookie = (name) => (name === "edu.session_token" ? jar.read(name) : undefined);
    const headers = new Headers({ cookie: `edu.session_token=${encodeURIComponent(jar.read("edu.session_token")!)}` });
    for (let i = 0; i < 3; i++) {
      const found = await lookupActor(t.db, auth, onlyToken);
      if (found === "delegate") expect((await auth.api.getSession({ headers }))?.user.username).toBe("wenxi_lead");
      else expect(found).toMatchObject({ username: "wenxi_lead" });
      const row = await t.db.session.findUniqueOrThrow({ where: { token: jar.token() } });
      expect(row.expiresAt.getTime()).toBeLessThanOrEqual(end.getTime());
    }
  });
});
