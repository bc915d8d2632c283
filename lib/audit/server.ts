// Audit rows are written with the change they describe, inside the same transaction.
import type { Prisma } from "@/lib/db/generated/sqlite/client";

type Tx = { auditEvent: { create(args: { data: Prisma.AuditEventUncheckedCreateInput }): Promise<unknown> } };

export function audit(
  tx: Tx,
  actorId: string | null,
  action: string,
  target: { type: string; id: string },
  detail?: Record<string, unknown>,
) {
  return tx.auditEvent.create({
    data: {
      actorId,
      action,
      targetType: target.type,
      targetId: target.id,
      detail: detail ? JSON.stringify(detail) : null,
    },
  });
}
