import { getDb } from "@/lib/db/client";
import { getReplicaDb } from "@/lib/db/replica";
import { env } from "@/lib/server/env";
import { checkHealth } from "@/lib/server/health";
import { getStorage } from "@/lib/storage";

export const dynamic = "force-dynamic";

/** GET /api/health — for monitors and load balancers: 200 when ready, 503 otherwise. */
export async function GET() {
  const replica = getReplicaDb();
  const health = await checkHealth(getDb(), getStorage(), replica ? { db: replica, maxLagSeconds: env().REPLICA_MAX_LAG_SECONDS } : undefined);
  return Response.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
