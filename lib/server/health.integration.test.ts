import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, TEST_PROVIDERS, type TestDb } from "@/lib/testing/db";
import { forgetAppliedMigrations } from "@/lib/db/testing";
import { checkHealth } from "@/lib/server/health";

describe.each(TEST_PROVIDERS)("health on %s", (provider) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(provider);
  });
  afterAll(async () => t?.cleanup());

  it("reports the provider and complete migrations", async () => {
    const h = await checkHealth(t.db);
    expect(h.status).toBe("ok");
    expect(h.database).toMatchObject({ provider, reachable: true, migrations: { pending: [], failed: [] } });
    expect(h.database.migrations?.applied).toBeGreaterThan(0);
    // PDF copies need LibreOffice; health says whether this instance found it.
    expect(h.pdf.available).toBe(spawnSync("which", ["soffice"]).status === 0);
    expect(h.status).toBe("ok");
  });

  it("reports a missing migration as degraded", async () => {
    await forgetAppliedMigrations(t.db);
    const h = await checkHealth(t.db);
    expect(h.status).toBe("degraded");
    expect(h.database.migrations?.pending.length).toBeGreaterThan(0);
  });
});
