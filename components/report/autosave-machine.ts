// The autosave of one section as a pure state machine: `step(model, event)` answers the next model and the effects to
// run (send a save, set the save timer, write or drop the local draft, tell the form and the editor). It touches
// nothing itself, so every rule below is unit-tested without a browser (autosave-machine.test.ts);
// use-autosave.ts is the shell that runs the effects (fetch, setTimeout, localStorage) and feeds what happened back
// as events. The protocol (a save names its base version, 409 answers the current text, drafts kept in the
// browser until the server has them) is decision 005.
//
//   saved ──typed──▶ dirty ──1.5 s──▶ saving ──200──▶ saved (typed meanwhile: saving again at once, on the new version)
//                                        ├──409, another text──▶ conflict (mine = the newest text typed)
//                                        │                          ├──保留我的版本──▶ saving, on their version
//                                        │                          └──采用已保存的版本──▶ saved, their text in the form
//                                        ├──409, our own text──▶ as 200 (an earlier answer was lost: adopt its version)
//                                        ├──network error / 5xx──▶ offline ──5 s, or back online──▶ saving
//                                        └──other 4xx (422, 413, 401…)──▶ error: message, field errors, no retry
//                                                                         (a newer text typed meanwhile goes out once)
//   typed and invalid in the browser (held) ──▶ error, nothing sent, until the next valid change (the last valid
//            text is dropped from the queue — "18a4" passes through 18 — and the draft keeps what is on screen)
//   someone else saved meanwhile (seen by polling, use-section-watch.ts): 合并 ──▶ rebased on their version, the
//            merged text saved at once (nothing unsaved: their text, saved); a merge that clashes ──▶ conflict
//   typing while offline stays offline; nothing is sent while in conflict; read-only takes no change at all
//   on load: a draft the server has ──▶ dropped; on the same base ──▶ restored, dirty ──0.2 s──▶ saving;
//            on an older base ──▶ conflict with the server's text (保留我的版本 puts the draft into the form);
//            a restored draft is announced (effect "restored", the page shows when it was written)
import type { SectionContent } from "@/lib/report/content";
import type { FieldErrors } from "@/lib/errors";

/** A person's editor saves this long after the last change (the benchmark's load model assumes it, decision 010). */
export const AUTOSAVE_DELAY_MS = 1500;
/** After a network error or a server error, the next try; the browser's `online` event tries at once. */
export const RETRY_MS = 5000;
/** A draft restored on load goes out almost at once. */
export const RESTORE_DELAY_MS = 200;

export type SaveState = "saved" | "dirty" | "saving" | "offline" | "conflict" | "error";
export type Theirs = { version: number; content: SectionContent; updatedBy: string | null; updatedAt: string };
export type Conflict = { mine: SectionContent; theirs: Theirs };
/** What localStorage keeps per section until the server confirms it (the shell stamps `at`). */
export type Draft = { base: number; content: SectionContent; at?: string };

export const draftKey = (reportId: string, sectionKey: string) => `edu-draft:${reportId}:${sectionKey}`;

export type AutosaveModel = {
  state: SaveState;
  message: string | null;
  conflict: Conflict | null;
  savedAt: string | null;
  /** The version the next save starts from. */
  base: number;
  /** The newest content the server does not have yet. Compared by identity: each change is a new object. */
  pending: SectionContent | null;
  /** The content of the save in flight; there is at most one per section. */
  sending: SectionContent | null;
  /** Why the form's current content cannot be saved (it fails the section's schema), until the next valid change. */
  held: string | null;
  /** The content on screen while held (kept in the local draft, never sent). */
  heldContent: SectionContent | null;
  readOnly: boolean;
};

/** The body of an answer of PUT /api/reports/:id/sections/:key (lib/report/server/save-section.ts, lib/http/errors.ts). */
export type SaveAnswer = { version?: number; savedAt?: string; completeness?: number; conflict?: Theirs; error?: string; fieldErrors?: FieldErrors };

export type AutosaveEvent =
  | { type: "changed"; content: SectionContent }
  /** The form's content fails the section's schema; the field says why. `content` is what the form shows. */
  | { type: "held"; reason: string; content?: SectionContent }
  /** The save timer fired, the browser came back online, the page was hidden or the section left. */
  | { type: "save"; keepalive?: boolean }
  | { type: "answered"; status: number; body: SaveAnswer }
  | { type: "network-failed" }
  /** On mount: what localStorage held for this section, and what the server sent with the page. */
  | { type: "draft-read"; draft: Draft | null; serverContent: SectionContent }
  | { type: "resolved"; choice: "mine" | "theirs" }
  /** Someone else saved `version` meanwhile and the page takes it in: `content` is theirs, or theirs merged with the
   *  unsaved edits (`save`: then it is saved on top of theirs). */
  | { type: "rebased"; version: number; content: SectionContent; save: boolean }
  /** Someone else's version and the unsaved edits clash field by field: the person chooses. */
  | { type: "remote-conflict"; mine: SectionContent; theirs: Theirs }
  | { type: "read-only"; readOnly: boolean };

export type AutosaveEffect =
  | { type: "send"; baseVersion: number; content: SectionContent; keepalive: boolean }
  /** (Re)start the save timer; when it fires the shell sends a `save` event. */
  | { type: "schedule"; ms: number }
  | { type: "cancel-timer" }
  | { type: "write-draft"; draft: Draft }
  | { type: "remove-draft" }
  /** Put this content into the form (a restored draft, or the other version taken after a conflict). */
  | { type: "replace"; content: SectionContent }
  /** The server has this version of the section (completeness -1: not known). */
  | { type: "saved"; version: number; content: SectionContent; completeness: number }
  | { type: "field-errors"; errors: FieldErrors }
  /** A local draft written at `at` (ISO time, when known) was put back into the form on load. */
  | { type: "restored"; at: string | null };

export type Step = { model: AutosaveModel; effects: AutosaveEffect[] };

export const MESSAGES = {
  restored: "已恢复上次未保存的内容",
  serverDown: "服务器暂时无法保存，内容已保存在本机，正在重试",
  networkDown: "网络已断开，内容已保存在本机，恢复后自动保存",
  sessionExpired: "登录已过期，请重新登录后继续（未保存的内容已保存在本机）",
  failed: "保存失败",
} as const;

export function initialModel(version: number, readOnly: boolean): AutosaveModel {
  return { state: "saved", message: null, conflict: null, savedAt: null, base: version, pending: null, sending: null, held: null, heldContent: null, readOnly };
}

const same = (a: SectionContent, b: SectionContent) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The server has `content` at `version` (its answer, or a 409 showing it already had it): the editor learns the
 * version; done if nothing newer was typed meanwhile, else the newer text goes out at once on that version.
 */
function stored(model: AutosaveModel, content: SectionContent, at: { version: number; savedAt: string | null; completeness: number }): Step {
  const next = { ...model, sending: null, base: at.version, savedAt: at.savedAt ?? model.savedAt };
  const effects: AutosaveEffect[] = [{ type: "saved", version: at.version, content, completeness: at.completeness }];
  if (next.pending === content || !next.pending) {
    // A change the browser refused meanwhile is still not saved: the status line keeps saying so.
    if (next.held) {
      // …and what the form shows stays in the draft, now on the version just saved.
      const keep: AutosaveEffect = next.heldContent ? { type: "write-draft", draft: { base: at.version, content: next.heldContent } } : { type: "remove-draft" };
      return { model: { ...next, pending: null, state: "error", message: next.held }, effects: [...effects, keep] };
    }
    return { model: { ...next, pending: null, state: "saved", message: null }, effects: [...effects, { type: "remove-draft" }] };
  }
  // Typed while it was in flight: the draft now names the new version, and goes out at once.
  return { model: next, effects: [...effects, { type: "write-draft", draft: { base: at.version, content: next.pending } }, { type: "schedule", ms: 0 }] };
}

export function step(model: AutosaveModel, event: AutosaveEvent): Step {
  switch (event.type) {
    case "changed": {
      if (model.readOnly) return { model, effects: [] };
      const next = { ...model, pending: event.content, held: null, heldContent: null };
      const effects: AutosaveEffect[] = [{ type: "write-draft", draft: { base: model.base, content: event.content } }];
      // While the conflict dialog is open nothing is sent; the draft still follows the form.
      if (model.conflict) return { model: next, effects };
      return { model: { ...next, state: model.state === "offline" ? "offline" : "dirty" }, effects: [...effects, { type: "schedule", ms: AUTOSAVE_DELAY_MS }] };
    }
    case "held": {
      if (model.readOnly) return { model, effects: [] };
      // The last valid text is not what the form shows any more: it must not go out when the page is left.
      const next = { ...model, state: "error" as const, message: event.reason, held: event.reason, heldContent: event.content ?? null, pending: null };
      const effects: AutosaveEffect[] = [{ type: "cancel-timer" }];
      if (event.content) effects.push({ type: "write-draft", draft: { base: model.base, content: event.content } });
      return { model: next, effects };
    }
    case "save": {
      // One save in flight per section: a change made meanwhile goes out when its answer is in.
      if (model.sending || !model.pending || model.conflict) return { model, effects: [] };
      return {
        model: { ...model, sending: model.pending, state: "saving" },
        effects: [{ type: "send", baseVersion: model.base, content: model.pending, keepalive: event.keepalive ?? false }],
      };
    }
    case "answered":
      return answered(model, event.status, event.body);
    case "network-failed":
      if (!model.sending) return { model, effects: [] };
      return { model: { ...model, sending: null, state: "offline", message: MESSAGES.networkDown }, effects: [{ type: "schedule", ms: RETRY_MS }] };
    case "draft-read": {
      const { draft, serverContent } = event;
      if (model.readOnly || !draft) return { model, effects: [] };
      // The draft reached the server after all (e.g. sent while the page was closing): nothing to restore.
      if (same(draft.content, serverContent)) return { model, effects: [{ type: "remove-draft" }] };
      if (draft.base === model.base) {
        return {
          model: { ...model, pending: draft.content, held: null, heldContent: null, state: "dirty", message: MESSAGES.restored },
          effects: [
            { type: "replace", content: draft.content },
            { type: "restored", at: draft.at ?? null },
            { type: "schedule", ms: RESTORE_DELAY_MS },
          ],
        };
      }
      // The server moved on since the draft was written: the person chooses.
      const theirs: Theirs = { version: model.base, content: serverContent, updatedBy: null, updatedAt: "" };
      return { model: { ...model, conflict: { mine: draft.content, theirs }, state: "conflict" }, effects: [] };
    }
    case "resolved": {
      const c = model.conflict;
      if (!c) return { model, effects: [] };
      const next = { ...model, conflict: null, base: c.theirs.version };
      if (event.choice === "mine") {
        // The form shows what is sent: after a draft conflict on load it still shows the server's text.
        const replace: AutosaveEffect[] = c.mine === model.pending ? [] : [{ type: "replace", content: c.mine }];
        const sent = step({ ...next, pending: c.mine, held: replace.length ? null : next.held, heldContent: replace.length ? null : next.heldContent }, { type: "save" });
        return { model: sent.model, effects: [...replace, { type: "write-draft", draft: { base: c.theirs.version, content: c.mine } }, ...sent.effects] };
      }
      return {
        model: { ...next, pending: null, held: null, heldContent: null, state: "saved", message: null },
        effects: [
          { type: "remove-draft" },
          { type: "replace", content: c.theirs.content },
          { type: "saved", version: c.theirs.version, content: c.theirs.content, completeness: -1 },
        ],
      };
    }
    case "rebased": {
      if (model.readOnly) return { model, effects: [] };
      const next = { ...model, base: event.version, conflict: null, held: null, heldContent: null };
      if (event.save) {
        return {
          model: { ...next, pending: event.content, state: "dirty", message: null },
          effects: [
            { type: "replace", content: event.content },
            { type: "write-draft", draft: { base: event.version, content: event.content } },
            { type: "schedule", ms: 0 },
          ],
        };
      }
      return {
        model: { ...next, pending: null, state: "saved", message: null },
        effects: [
          { type: "cancel-timer" },
          { type: "remove-draft" },
          { type: "replace", content: event.content },
          { type: "saved", version: event.version, content: event.content, completeness: -1 },
        ],
      };
    }
    case "remote-conflict":
      if (model.readOnly) return { model, effects: [] };
      return { model: { ...model, conflict: { mine: model.pending ?? event.mine, theirs: event.theirs }, state: "conflict" }, effects: [{ type: "cancel-timer" }] };
    case "read-only":
      return { model: { ...model, readOnly: event.readOnly }, effects: [] };
  }
}

function answered(model: AutosaveModel, status: number, body: SaveAnswer): Step {
  const content = model.sending;
  if (!content) return { model, effects: [] };
  const done = { ...model, sending: null };
  if (status >= 200 && status < 300) {
    return stored(done, content, { version: body.version as number, savedAt: body.savedAt ?? null, completeness: body.completeness as number });
  }
  if (status === 409 && body.conflict && same(body.conflict.content, content)) {
    // The server already has exactly this text (a save whose answer was lost, or sent while the page was closing).
    return stored(done, content, { version: body.conflict.version, savedAt: body.conflict.updatedAt || null, completeness: -1 });
  }
  if (status === 409 && body.conflict) {
    // "Mine" is what the form shows: the newest text, typed perhaps while this save was in flight.
    return { model: { ...done, conflict: { mine: done.pending ?? content, theirs: body.conflict }, state: "conflict" }, effects: [] };
  }
  if (status >= 500) {
    return { model: { ...done, state: "offline", message: MESSAGES.serverDown }, effects: [{ type: "schedule", ms: RETRY_MS }] };
  }
  // Refused for a reason a retry will not change (invalid content, too large, signed out, no longer editable). A
  // newer text typed meanwhile is another save, and goes out at once (once: then it is the one refused).
  const message = status === 401 ? MESSAGES.sessionExpired : (body.error ?? MESSAGES.failed);
  const effects: AutosaveEffect[] = body.fieldErrors ? [{ type: "field-errors", errors: body.fieldErrors }] : [];
  if (done.pending && done.pending !== content) effects.push({ type: "schedule", ms: 0 });
  return { model: { ...done, state: "error", message }, effects };
}
