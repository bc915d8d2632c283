"use client";
// Autosave for one section: saves ~1.5 s after the last change, keeps every unsaved change in localStorage until the
// server has it (so a reload, a crash or a dropped network loses nothing), retries while offline, and stops with a
// conflict — never overwriting — when someone else saved the section in the meantime. The rules are the pure state
// machine in autosave-machine.ts; this hook only runs its effects (fetch, the save timer, localStorage, the form's
// callbacks) and turns what happens (a change, a timer, an answer, going online, leaving) into its events.
import { useCallback, useEffect, useState } from "react";
import type { SectionContent } from "@/lib/report/content";
import type { FieldErrors } from "@/lib/errors";
import {
  draftKey,
  initialModel,
  step,
  type AutosaveEffect,
  type AutosaveEvent,
  type AutosaveModel,
  type Draft,
  type SaveAnswer,
  type Theirs,
} from "@/components/report/autosave-machine";

export type AutosaveOptions = {
  reportId: string;
  sectionKey: string;
  version: number;
  serverContent: SectionContent;
  readOnly: boolean;
  /** Replace the form's content (restoring a local draft, or taking the other version after a conflict). */
  onReplace: (content: SectionContent) => void;
  onSaved: (version: number, content: SectionContent, completeness: number) => void;
  onFieldErrors: (errors: FieldErrors) => void;
  /** A local draft was restored on mount, written at `at` (the page tells the writer so). */
  onRestoredDraft?: (at: string | null) => void;
};

/** What the page shows: the status line and the conflict dialog. */
type View = Pick<AutosaveModel, "state" | "message" | "conflict" | "savedAt">;
const viewOf = ({ state, message, conflict, savedAt }: AutosaveModel): View => ({ state, message, conflict, savedAt });
const sameView = (a: View, b: View) => a.state === b.state && a.message === b.message && a.conflict === b.conflict && a.savedAt === b.savedAt;

function readDraft(key: string): Draft | null {
  try {
    const raw = window.localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as Draft) : null;
  } catch {
    return null;
  }
}

/**
 * The machine with its effects wired to the browser: one per mounted section. Plain closures rather than React
 * state, because a save's guard ("one in flight") must see the previous event's outcome at once.
 */
function createRunner(initial: AutosaveModel, options: AutosaveOptions, show: (model: AutosaveModel) => void) {
  let model = initial;
  let opts = options;
  let timer: ReturnType<typeof setTimeout> | null = null;

  function dispatch(event: AutosaveEvent) {
    const next = step(model, event);
    model = next.model;
    show(model);
    for (const effect of next.effects) perform(effect);
  }

  // In the order the machine lists them; what comes of them (an answer, the timer) is dispatched back.
  function perform(effect: AutosaveEffect) {
    const storageKey = draftKey(opts.reportId, opts.sectionKey);
    switch (effect.type) {
      case "send":
        fetch(`/api/reports/${opts.reportId}/sections/${encodeURIComponent(opts.sectionKey)}`, {
          method: "PUT",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ baseVersion: effect.baseVersion, content: effect.content }),
          keepalive: effect.keepalive,
        }).then(
          async (res) => dispatch({ type: "answered", status: res.status, body: ((await res.json().catch(() => ({}))) ?? {}) as SaveAnswer }),
          () => dispatch({ type: "network-failed" }),
        );
        return;
      case "schedule":
        cancelTimer();
        timer = setTimeout(() => dispatch({ type: "save" }), effect.ms);
        return;
      case "cancel-timer":
        cancelTimer();
        return;
      case "write-draft":
        try {
          window.localStorage.setItem(storageKey, JSON.stringify({ ...effect.draft, at: new Date().toISOString() }));
        } catch {
          // Storage full or disabled: the server save still runs.
        }
        return;
      case "remove-draft":
        try {
          window.localStorage.removeItem(storageKey);
        } catch {
          // Storage disabled: there is no draft to remove.
        }
        return;
      case "replace":
        opts.onReplace(effect.content);
        return;
      case "saved":
        opts.onSaved(effect.version, effect.content, effect.completeness);
        return;
      case "field-errors":
        opts.onFieldErrors(effect.errors);
        return;
      case "restored":
        opts.onRestoredDraft?.(effect.at);
        return;
    }
  }

  function cancelTimer() {
    if (timer) clearTimeout(timer);
  }

  return {
    dispatch,
    cancelTimer,
    /** The latest props: callbacks, and whether the report is still editable. */
    update(next: AutosaveOptions) {
      opts = next;
      if (model.readOnly !== next.readOnly) dispatch({ type: "read-only", readOnly: next.readOnly });
    },
    /** On mount: a local draft from a previous visit is restored, or a conflict raised if the server moved on. */
    mounted() {
      dispatch({ type: "draft-read", draft: readDraft(draftKey(opts.reportId, opts.sectionKey)), serverContent: opts.serverContent });
    },
  };
}

export function useAutosave(opts: AutosaveOptions) {
  const [view, setView] = useState<View>(() => viewOf(initialModel(opts.version, opts.readOnly)));
  const [runner] = useState(() =>
    createRunner(initialModel(opts.version, opts.readOnly), opts, (model) => setView((shown) => (sameView(shown, model) ? shown : viewOf(model)))),
  );
  useEffect(() => runner.update(opts));
  // Only on mount: later versions come from our own saves.
  useEffect(() => runner.mounted(), [runner]);

  useEffect(() => {
    const online = () => runner.dispatch({ type: "save" });
    const flush = () => {
      if (document.visibilityState === "hidden") runner.dispatch({ type: "save", keepalive: true });
    };
    window.addEventListener("online", online);
    document.addEventListener("visibilitychange", flush);
    return () => {
      window.removeEventListener("online", online);
      document.removeEventListener("visibilitychange", flush);
      runner.cancelTimer();
      // Leaving the section: send what is pending (the local draft stays until the server confirms).
      runner.dispatch({ type: "save", keepalive: true });
    };
  }, [runner]);

  const change = useCallback((content: SectionContent) => runner.dispatch({ type: "changed", content }), [runner]);
  /** Block saving while the content is invalid in the browser (the field shows why); `content` (what the form
   *  shows) stays in the local draft. */
  const hold = useCallback((reason: string, content?: SectionContent) => runner.dispatch({ type: "held", reason, content }), [runner]);
  const resolve = useCallback((choice: "mine" | "theirs") => runner.dispatch({ type: "resolved", choice }), [runner]);
  /** Someone else saved the section meanwhile: continue from their `version` with `content` (theirs, or merged). */
  const rebase = useCallback((version: number, content: SectionContent, save: boolean) => runner.dispatch({ type: "rebased", version, content, save }), [runner]);
  /** Someone else's version and the unsaved edits clash: the conflict dialog. */
  const showConflict = useCallback((mine: SectionContent, theirs: Theirs) => runner.dispatch({ type: "remote-conflict", mine, theirs }), [runner]);

  return { ...view, change, hold, resolve, rebase, showConflict };
}
