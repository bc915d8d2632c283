"use client";
// Autosave for one section: saves ~1.5 s after the last change, keeps every unsaved change in localStorage until the
// server has it (so a reload, a crash or a dropped network loses nothing), retries while offline, and stops with a
// conflict — never overwriting — when someone else saved the section in the meantime.
import { useCallback, useEffect, useRef, useState } from "react";
import type { SectionContent } from "@/lib/report/content";
import type { FieldErrors } from "@/lib/errors";

export const AUTOSAVE_DELAY_MS = 1500;
const RETRY_MS = 5000;

export type SaveState = "saved" | "dirty" | "saving" | "offline" | "conflict" | "error";
export type Conflict = { mine: SectionContent; theirs: { version: number; content: SectionContent; updatedBy: string | null; updatedAt: string } };
type Draft = { base: number; content: SectionContent; at: string };

export const draftKey = (reportId: string, sectionKey: string) => `edu-draft:${reportId}:${sectionKey}`;

function readDraft(key: string): Draft | null {
  try {
    const raw = window.localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as Draft) : null;
  } catch {
    return null;
  }
}

export function useAutosave(opts: {
  reportId: string;
  sectionKey: string;
  version: number;
  serverContent: SectionContent;
  readOnly: boolean;
  /** Replace the form's content (restoring a local draft, or taking the other version after a conflict). */
  onReplace: (content: SectionContent) => void;
  onSaved: (version: number, content: SectionContent, completeness: number) => void;
  onFieldErrors: (errors: FieldErrors) => void;
}) {
  const { reportId, sectionKey, readOnly } = opts;
  const storageKey = draftKey(reportId, sectionKey);
  const [state, setState] = useState<SaveState>("saved");
  const [message, setMessage] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const base = useRef(opts.version);
  const pending = useRef<SectionContent | null>(null);
  const inflight = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const callbacks = useRef(opts);
  useEffect(() => {
    callbacks.current = opts;
  });

  const schedule = useCallback((ms: number) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveRef.current(), ms);
  }, []);

  const save = useCallback(
    async (keepalive = false) => {
      if (inflight.current || !pending.current || conflictRef.current) return;
      const content = pending.current;
      inflight.current = true;
      setState("saving");
      try {
        const res = await fetch(`/api/reports/${reportId}/sections/${encodeURIComponent(sectionKey)}`, {
          method: "PUT",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ baseVersion: base.current, content }),
          keepalive,
        });
        const body = await res.json().catch(() => ({}));
        if (res.ok) {
          base.current = body.version;
          setSavedAt(body.savedAt);
          callbacks.current.onSaved(body.version, content, body.completeness);
          if (pending.current === content) {
            pending.current = null;
            window.localStorage.removeItem(storageKey);
            setState("saved");
            setMessage(null);
          } else {
            writeDraft(pending.current);
            schedule(0);
          }
        } else if (res.status === 409 && body.conflict && JSON.stringify(body.conflict.content) === JSON.stringify(content)) {
          // The server already has exactly this text (a save sent while the page was closing): adopt its version.
          base.current = body.conflict.version;
          if (pending.current === content) {
            pending.current = null;
            window.localStorage.removeItem(storageKey);
            setState("saved");
            setMessage(null);
          } else schedule(0);
        } else if (res.status === 409 && body.conflict) {
          const c = { mine: content, theirs: body.conflict };
          conflictRef.current = c;
          setConflict(c);
          setState("conflict");
        } else if (res.status >= 500) {
          setState("offline");
          setMessage("服务器暂时无法保存，内容已保存在本机，正在重试");
          schedule(RETRY_MS);
        } else {
          setState("error");
          setMessage(res.status === 401 ? "登录已过期，请重新登录后继续（未保存的内容已保存在本机）" : (body.error ?? "保存失败"));
          if (body.fieldErrors) callbacks.current.onFieldErrors(body.fieldErrors);
        }
      } catch {
        setState("offline");
        setMessage("网络已断开，内容已保存在本机，恢复后自动保存");
        schedule(RETRY_MS);
      } finally {
        inflight.current = false;
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [reportId, sectionKey, storageKey, schedule],
  );
  const saveRef = useRef(save);
  const conflictRef = useRef<Conflict | null>(null);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  function writeDraft(content: SectionContent | null) {
    if (!content) return;
    try {
      const draft: Draft = { base: base.current, content, at: new Date().toISOString() };
      window.localStorage.setItem(storageKey, JSON.stringify(draft));
    } catch {
      // Storage full or disabled: the server save still runs.
    }
  }

  const change = useCallback(
    (content: SectionContent) => {
      if (readOnly) return;
      pending.current = content;
      writeDraft(content);
      if (!conflictRef.current) {
        setState((s) => (s === "offline" ? s : "dirty"));
        schedule(AUTOSAVE_DELAY_MS);
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [readOnly, schedule, storageKey],
  );

  /** Block saving while the content is invalid in the browser (the field shows why). */
  const hold = useCallback((reason: string) => {
    if (timer.current) clearTimeout(timer.current);
    setState("error");
    setMessage(reason);
  }, []);

  // A local draft from a previous visit: restore it, or raise a conflict if the server moved on meanwhile.
  useEffect(() => {
    if (readOnly) return;
    const draft = readDraft(storageKey);
    if (!draft) return;
    if (JSON.stringify(draft.content) === JSON.stringify(opts.serverContent)) {
      // The draft reached the server after all (e.g. sent while the page was closing): nothing to restore.
      window.localStorage.removeItem(storageKey);
      return;
    }
    if (draft.base === opts.version) {
      callbacks.current.onReplace(draft.content);
      pending.current = draft.content;
      // localStorage can only be read after mount, so this state change belongs in the effect.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setState("dirty");
      setMessage("已恢复上次未保存的内容");
      schedule(200);
    } else {
      const c = { mine: draft.content, theirs: { version: opts.version, content: opts.serverContent, updatedBy: null, updatedAt: "" } };
      conflictRef.current = c;
      setConflict(c);
      setState("conflict");
    }
    // Only on mount: later versions come from our own saves.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const online = () => void saveRef.current();
    const flush = () => {
      if (document.visibilityState === "hidden") void saveRef.current(true);
    };
    window.addEventListener("online", online);
    document.addEventListener("visibilitychange", flush);
    return () => {
      window.removeEventListener("online", online);
      document.removeEventListener("visibilitychange", flush);
      if (timer.current) clearTimeout(timer.current);
      // Leaving the section: send what is pending (the local draft stays until the server confirms).
      void saveRef.current(true);
    };
  }, []);

  const resolve = useCallback(
    (choice: "mine" | "theirs") => {
      const c = conflictRef.current;
      if (!c) return;
      conflictRef.current = null;
      setConflict(null);
      base.current = c.theirs.version;
      if (choice === "mine") {
        pending.current = c.mine;
        writeDraft(c.mine);
        void saveRef.current();
      } else {
        pending.current = null;
        window.localStorage.removeItem(storageKey);
        callbacks.current.onReplace(c.theirs.content);
        callbacks.current.onSaved(c.theirs.version, c.theirs.content, -1);
        setState("saved");
        setMessage(null);
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [storageKey],
  );

  return { state, message, conflict, savedAt, change, hold, resolve, saveNow: () => void saveRef.current() };
}
