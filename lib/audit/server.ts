import "server-only";
// Audit rows are written with the change they describe, inside the same transaction. The action is one of
// AUDIT_ACTIONS (lib/audit/actions.ts) and the target is the kind of row that action is recorded against.
import type { Prisma } from "@/lib/db/generated/sqlite/client";
import { AUDIT_ACTIONS, type AuditAction } from "@/lib/audit/actions";

type Tx = { auditEvent: { create(args: { data: Prisma.AuditEventUncheckedCreateInput }): Promise<unknown> } };

export function audit<A extends AuditAction>(
  tx: Tx,
  actorId: string | null,
  action: A,
  target: { type: (typeof AUDIT_ACTIONS)[A]["target"]; id: string },
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
