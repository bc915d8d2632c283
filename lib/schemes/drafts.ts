// Inputs of the scheme-draft actions (decision 030), shared by the editor form and the server. Universal.
import { z } from "@/lib/validation";

const ZId = z.string().trim().min(1).max(64);

export const ZDraftCopy = z.strictObject({ schemeId: ZId });
export type TDraftCopy = z.infer<typeof ZDraftCopy>;

/** The whole definition as edited; it is checked by validateScheme on publishing, not here (a draft may be half done). */
export const ZDraftSave = z.strictObject({ id: ZId, baseVersion: z.number().int().min(1), definition: z.record(z.string(), z.unknown()) });
export type TDraftSave = z.infer<typeof ZDraftSave>;

export const ZDraftPublish = z.strictObject({ id: ZId, baseVersion: z.number().int().min(1) });
export type TDraftPublish = z.infer<typeof ZDraftPublish>;

export const ZDraftId = z.strictObject({ id: ZId });
