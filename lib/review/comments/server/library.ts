import "server-only";
// A reviewer's comment library (常用意见): phrases they reuse across counties. Each phrase belongs to one reviewer;
// every read and write is filtered by owner, so another reviewer's phrase is "not found", never "forbidden".
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/db/generated/sqlite/client";
import type { Db } from "@/lib/db/connect";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/server/guards";
import { conflict, notFound } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation";
import type { PhraseView } from "@/lib/review/comments/phrase-schemas";

import { PHRASES_MAX, ZPhraseBody, ZPhraseId, ZUpdatePhrase, type TPhraseBody, type TPhraseId, type TUpdatePhrase } from "@/lib/review/comments/phrase-schemas";



/** The actor's phrases, most used first. */
export async function listPhrases(db: Db, actor: Actor): Promise<PhraseView[]> {
  requirePermission(actor, "report:review");
  const rows = await db.commentTemplate.findMany({
    where: { ownerId: actor.userId },
    orderBy: [{ useCount: "desc" }, { updatedAt: "desc" }, { id: "asc" }],
    take: PHRASES_MAX,
  });
  return rows.map((r) => ({ id: r.id, body: r.body, useCount: r.useCount, updatedAt: r.updatedAt.toISOString() }));
}

/** One of the actor's phrases; anyone else's is "not found". */
export async function getPhrase(db: Db | Prisma.TransactionClient, actor: Actor, id: string) {
  requirePermission(actor, "report:review");
  const row = await db.commentTemplate.findFirst({ where: { id, ownerId: actor.userId } });
  if (!row) throw notFound("常用意见");
  return row;
}

export async function addPhrase(db: Db, actor: Actor, raw: TPhraseBody): Promise<string> {
  requirePermission(actor, "report:review");
  const { body } = parseOrThrow(ZPhraseBody, raw);
  const id = randomUUID();
  await db.$transaction(async (tx) => {
    if ((await tx.commentTemplate.count({ where: { ownerId: actor.userId } })) >= PHRASES_MAX) {
      throw conflict(`常用意见最多保存 ${PHRASES_MAX} 条，请先删除不再使用的`);
    }
    if (await tx.commentTemplate.findFirst({ where: { ownerId: actor.userId, body }, select: { id: true } })) {
      throw conflict("常用意见中已有相同的内容");
    }
    await tx.commentTemplate.create({ data: { id, ownerId: actor.userId, body } });
  });
  return id;
}

export async function updatePhrase(db: Db, actor: Actor, raw: TUpdatePhrase): Promise<void> {
  requirePermission(actor, "report:review");
  const { id, body } = parseOrThrow(ZUpdatePhrase, raw);
  const changed = await db.commentTemplate.updateMany({ where: { id, ownerId: actor.userId }, data: { body } });
  if (changed.count === 0) throw notFound("常用意见");
}

export async function deletePhrase(db: Db, actor: Actor, raw: TPhraseId): Promise<void> {
  requirePermission(actor, "report:review");
  const { id } = parseOrThrow(ZPhraseId, raw);
  const deleted = await db.commentTemplate.deleteMany({ where: { id, ownerId: actor.userId } });
  if (deleted.count === 0) throw notFound("常用意见");
}

/** Counts one use of the actor's phrase. A phrase deleted meanwhile (or someone else's) is simply not counted:
 *  the comment it helped write stands on its own. */
export async function countPhraseUse(db: Db | Prisma.TransactionClient, actor: Actor, id: string | undefined): Promise<void> {
  if (!id) return;
  await db.commentTemplate.updateMany({ where: { id, ownerId: actor.userId }, data: { useCount: { increment: 1 } } });
}
