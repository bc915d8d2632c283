"use client";
// What every figure chip on the page shows, kept outside React: the editor's chips are ProseMirror node views, so a
// change of figures repaints them by subscription instead of re-rendering every editor.
import type { FigureShown } from "@/lib/report/figures";

export type FigureStore = {
  get: (key: string) => FigureShown;
  subscribe: (listener: () => void) => () => void;
  /** Replaces the printer and repaints every chip. */
  set: (print: (key: string) => FigureShown) => void;
};

export function createFigureStore(print: (key: string) => FigureShown): FigureStore {
  let current = print;
  // The same object for a key until the figures change: React's useSyncExternalStore compares snapshots by identity.
  let cache = new Map<string, FigureShown>();
  const listeners = new Set<() => void>();
  return {
    get: (key) => {
      let shown = cache.get(key);
      if (!shown) cache.set(key, (shown = current(key)));
      return shown;
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set: (next) => {
      current = next;
      cache = new Map();
      for (const l of listeners) l();
    },
  };
}
