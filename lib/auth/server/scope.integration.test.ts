// Reach, tested on the data-access and guard functions themselves (not only through pages), on every database.
import { beforeAll, describe, expect, it } from "vitest";
import { TEST_PROVIDERS } from "@/lib/testing/db";
import { useDemoDb } from "@/lib/testing/demo-db";
import { actorFor } from "@/lib/testing/actors";
import { getRegionAccess, getUserAccess } from "@/lib/auth/server/guards";
import { countiesInScope } from "@/lib/auth/server/scope";
import { getCountyOverview, listCountiesInScope } from "@/lib/regions/server/queries";
import { listUsers } from "@/lib/users/server/service";
import { listRegions } from "@/lib/regions/server/service";

describe.each(TEST_PROVIDERS)("reach on %s", (provider) => {
  const t = useDemoDb(provider);
  beforeAll(async () => {
    // A second province, which nobody in 山西 may reach.
    await t.db.region.createMany({
      data: [
        { code: "410000", name: "河南省", level: "province", parentCode: null, path: "/410000/" },
        { code: "411600", name: "周口市", level: "city", parentCode: "410000", path: "/410000/411600/" },
        { code: "411621", name: "扶沟县", level: "county", parentCode: "411600", path: "/410000/411600/411621/" },
      ],
    });
  });

  it("gives a city reviewer exactly the counties of its city", async () => {
    const reviewer = await actorFor(t.db, "yuncheng_reviewer");
    const counties = await listCountiesInScope(t.db, reviewer);
    expect(counties.map((c) => c.code).sort()).toEqual(["140802", "140821", "140823"]);
    const direct = await t.db.region.findMany({ where: countiesInScope(reviewer), select: { code: true } });
    expect(direct.map((c) => c.code).sort()).toEqual(["140802", "140821", "140823"]);
  });

  it("gives a province reviewer every county of the province and nothing beyond", async () => {
    const reviewer = await actorFor(t.db, "shanxi_reviewer");
    const counties = await listCountiesInScope(t.db, reviewer);
    expect(counties.map((c) => c.code).sort()).toEqual(["140802", "140821", "140823", "141002"]);
  });

  it("lets a city reviewer reach its own counties and not another city's", async () => {
    const reviewer = await actorFor(t.db, "yuncheng_reviewer");
    await expect(getRegionAccess(t.db, reviewer, "140823", "report:read")).resolves.toMatchObject({ name: "闻喜县" });
    await expect(getRegionAccess(t.db, reviewer, "141002", "report:read")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getRegionAccess(t.db, reviewer, "411621", "report:read")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("keeps a county user inside its county", async () => {
    const editor = await actorFor(t.db, "wenxi_editor");
    await expect(getRegionAccess(t.db, editor, "140823", "report:read")).resolves.toMatchObject({ code: "140823" });
    for (const other of ["140802", "140821", "141002", "140800", "140000", "411621"]) {
      await expect(getRegionAccess(t.db, editor, other, "report:read")).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    const overview = await getCountyOverview(t.db, editor);
    expect(overview.code).toBe("140823");
    expect(overview.users.map((u) => u.username).sort()).toEqual(["wenxi_editor", "wenxi_finance", "wenxi_lead"]);
  });

  it("refuses actions outside the role's permissions before looking at reach", async () => {
    const editor = await actorFor(t.db, "wenxi_editor");
    await expect(listCountiesInScope(t.db, editor)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listUsers(t.db, editor)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listRegions(t.db, editor)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getRegionAccess(t.db, editor, "140823", "report:review")).rejects.toMatchObject({ code: "FORBIDDEN" });
    const reviewer = await actorFor(t.db, "yuncheng_reviewer");
    await expect(getCountyOverview(t.db, reviewer)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const admin = await actorFor(t.db, "admin");
    await expect(getRegionAccess(t.db, admin, "140823", "report:read")).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("scopes an administrator to its own province", async () => {
    const admin = await actorFor(t.db, "admin");
    const users = await listUsers(t.db, admin);
    expect(users.map((u) => u.username).sort()).toEqual(
      ["admin", "shanxi_reviewer", "shanxi_schemes", "wenxi_editor", "wenxi_finance", "wenxi_lead", "yuncheng_reviewer"].sort(),
    );
    const regions = await listRegions(t.db, admin);
    expect(regions.some((r) => r.code === "410000" || r.code === "411621")).toBe(false);
    const editor = await t.db.user.findUniqueOrThrow({ where: { username: "wenxi_editor" } });
    await expect(getUserAccess(t.db, admin, editor.id)).resolves.toMatchObject({ username: "wenxi_editor" });
    await expect(getUserAccess(t.db, admin, "no-such-user")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
