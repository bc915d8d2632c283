import "server-only";
// The claim that makes a reminder go out once: the row (assignment, contributor, day, kind) is the primary key, so of
// several instances running the daily job at the same moment exactly one inserts it; only that one writes the
// notification, in the same transaction.
import { randomUUID } from "node:crypto";
import { sql, type SqlRunner } from "@/lib/db/driver";

export type ReminderClaim = { assignmentId: string; userId: string; day: string; kind: string; now: Date };

/** 1 when this caller claimed the reminder, 0 when another instance (or an earlier run today) already had. */
export function claimReminder(tx: SqlRunner, c: ReminderClaim) {
  return tx.run(sql`
    INSERT INTO "AssignmentReminder" ("assignmentId", "userId", "day", "kind", "createdAt")
    VALUES (${c.assignmentId}, ${c.userId}, ${c.day}, ${c.kind}, ${c.now})
    ON CONFLICT ("assignmentId", "userId", "day", "kind") DO NOTHING`);
}

export function insertNotification(tx: SqlRunner, n: { userId: string; reportId: string; sectionKey: string; kind: string; message: string; now: Date }) {
  return tx.run(sql`
    INSERT INTO "Notification" ("id", "userId", "reportId", "sectionKey", "kind", "message", "createdAt")
    VALUES (${randomUUID()}, ${n.userId}, ${n.reportId}, ${n.sectionKey}, ${n.kind}, ${n.message}, ${n.now})`);
}
