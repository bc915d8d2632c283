"use client";
// Noticing that someone else saved the section that is open: the editor polls the section's head (version, who,
// when) every few seconds while the page is visible. A newer version than the one this page works from is offered
// as "李华 14:02 修改了本部分" with 查看 / 合并 (components/report/section-frame.tsx); nothing is replaced until the
// writer chooses, and a save made meanwhile still ends in the conflict dialog rather than overwriting.
import { useCallback, useEffect, useRef, useState } from "react";
import type { SectionContent } from "@/lib/report/content";

export const WATCH_INTERVAL_MS = 8000;

export type RemoteHead = { version: number; updatedBy: string | null; updatedAt: string | null; content?: SectionContent };

const headUrl = (reportId: string, sectionKey: string, content = false) =>
  `/api/reports/${reportId}/sections/${encodeURIComponent(sectionKey)}${content ? "?content=1" : ""}`;

export async function fetchHead(reportId: string, sectionKey: string, content: boolean): Promise<RemoteHead | null> {
  try {
    const res = await fetch(headUrl(reportId, sectionKey, content), { cache: "no-store" });
    return res.ok ? ((await res.json()) as RemoteHead) : null;
  } catch {
    return null;
  }
}

export function useSectionWatch(opts: { reportId: string; sectionKey: string; version: number; enabled: boolean; busy: () => boolean }) {
  const [remote, setRemote] = useState<RemoteHead | null>(null);
  const known = useRef(opts.version);
  const busy = useRef(opts.busy);
  useEffect(() => {
    known.current = opts.version;
    busy.current = opts.busy;
  });
  // Our own save moved the version on: a notice about it would be about ourselves.
  useEffect(() => {
    // Reacting to the version prop (our save or a merge) clears a notice it makes stale.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setRemote((r) => (r && r.version <= opts.version ? null : r));
  }, [opts.version]);

  const { reportId, sectionKey, enabled } = opts;
  const poll = useCallback(async () => {
    if (document.visibilityState === "hidden" || busy.current()) return;
    const head = await fetchHead(reportId, sectionKey, false);
    if (!head || busy.current()) return;
    setRemote(head.version > known.current ? head : null);
  }, [reportId, sectionKey]);

  useEffect(() => {
    if (!enabled) return;
    const timer = setInterval(() => void poll(), WATCH_INTERVAL_MS);
    const onFocus = () => void poll();
    window.addEventListener("focus", onFocus);
    document.addEventListener("visibilitychange", onFocus);
    return () => {
      clearInterval(timer);
      window.removeEventListener("focus", onFocus);
      document.removeEventListener("visibilitychange", onFocus);
    };
  }, [enabled, poll]);

  return { remote, dismiss: useCallback(() => setRemote(null), []) };
}
