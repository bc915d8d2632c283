import "server-only";
// The per-request session read, straight to the driver: it runs on every request, and through Prisma's query
// planner it cost several times the database's own work (docs/decisions/015-raw-sql-on-the-hot-path.md).
import type { Db } from "@/lib/db/connect";
import { driverQuery, sql } from "@/lib/db/driver";

type SessionRow = {
  expiresAt: Date;
  id: string;
  username: string;
  name: string;
  role: string;
  disabled: boolean;
  regionCode: string;
  regionName: string;
  regionLevel: string;
  regionPath: string;
};

/** Session → user → region in one statement; null for an unknown token. */
export async function sessionWithUser(db: Db, token: string) {
  const [row] = await (await driverQuery(db)).rows<SessionRow>(sql`
    SELECT s."expiresAt", u."id", u."username", u."name", u."role", u."disabled",
           r."code" AS "regionCode", r."name" AS "regionName", r."level" AS "regionLevel", r."path" AS "regionPath"
    FROM "Session" s JOIN "User" u ON u."id" = s."userId" JOIN "Region" r ON r."code" = u."regionCode"
    WHERE s."token" = ${token}`);
  if (!row) return null;
  const { expiresAt, regionCode, regionName, regionLevel, regionPath, ...user } = row;
  return { expiresAt, user: { ...user, region: { code: regionCode, name: regionName, level: regionLevel, path: regionPath } } };
}
