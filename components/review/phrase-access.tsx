"use client";
import { createContext, useContext, type ReactNode } from "react";

// Whether the signed-in user keeps a comment library (常用意见): reviewers do. Set once by the (app) layout from
// the server's role table, so the comment form can offer the library without asking the server on every render.
// The server checks the permission again on every phrase action.
const PhraseAccess = createContext(false);

export function PhraseAccessProvider({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  return <PhraseAccess.Provider value={enabled}>{children}</PhraseAccess.Provider>;
}

export function usePhraseAccess(): boolean {
  return useContext(PhraseAccess);
}
