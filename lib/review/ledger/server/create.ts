import "server-only";
// Creating ledger items, from any source: the county's 存在问题 when its report is finally accepted (called by
// lib/review/workflow), a 督导反馈意见书's 整改要求 when it is sent, or one item a reviewer adds by hand. Callers
// have authorised the actor already; this checks only that the report is the county's. Idempotent: each item's key
// is "<source>:<reportId>:<sourceRef>#<ref>", and a key that exists is left as it is (its status, evidence and
// 复核 are the county's and the reviewer's work, never overwritten by a repeated send).
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/db/generated/sqlite/client";
import type { Db } from "@/lib/db/connect";
import { audit } from "@/lib/audit/server";
import { invalid } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation";
import { ZCreateLedgerItems, type TCreateLedgerItems } from "@/lib/review/ledger/model";

type Tx = Db | Prisma.TransactionClient;

export const ledgerKey = (input: Pick<TCreateLedgerItems, "source" | "reportId" | "sourceRef">, ref: string) =>
  `${input.source}:${input.reportId}:${input.sourceRef}#${ref}`;

/** Creates the items not created before; returns the ids of the new ones and how many already existed. */
export async function createLedgerItems(tx: Tx, raw: TCreateLedgerItems, actorId: string | null = null): Promise<{ created: string[]; existing: number }> {
  const input = parseOrThrow(ZCreateLedgerItems, raw);
  const report = await tx.report.findUnique({ where: { id: input.reportId }, select: { countyCode: true, year: true } });
  if (!report || report.countyCode !== input.regionId) throw invalid("整改事项的报告与县区不符");
  const keyed = input.items.map((item, i) => ({ ...item, key: ledgerKey(input, item.ref ?? String(i + 1)) }));
  const existing = new Set(
    (await tx.ledgerItem.findMany({ where: { key: { in: keyed.map((k) => k.key) } }, select: { key: true } })).map((r) => r.key),
  );
  const created: string[] = [];
  for (const item of keyed) {
    if (existing.has(item.key)) continue;
    existing.add(item.key); // the same ref twice in one call: the first wins
    const id = randomUUID();
    await tx.ledgerItem.create({
      data: {
        id,
        key: item.key,
        countyCode: input.regionId,
        reportId: input.reportId,
        year: report.year,
        source: input.source,
        sourceRef: `${input.sourceRef}#${item.ref ?? ""}`.slice(0, 250),
        text: item.text,
        owner: item.owner ?? "",
        deadline: item.deadline ?? "",
        createdById: actorId,
      },
    });
    await audit(tx, actorId, "ledger.create", { type: "ledger", id }, { source: input.source, reportId: input.reportId });
    created.push(id);
  }
  return { created, existing: keyed.length - created.length };
}
