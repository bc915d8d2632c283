"use client";
// The report's figures for every narrative field on the page: what chips show (the store) and what 插入数据 offers.
import { createContext, useContext } from "react";
import type { FigureOption } from "@/components/report/figure-picker";
import { createFigureStore, type FigureStore } from "@/components/report/figure-store";
import type { FigureWords } from "@/lib/report/figure-words";

/** `words`: how text views (conflict dialog, 查看) print figures and name them. */
export type FigureContextValue = { store: FigureStore; options: FigureOption[]; words: FigureWords };

const empty: FigureContextValue = {
  store: createFigureStore((key) => ({ text: key, label: null, filled: false })),
  options: [],
  words: { figure: (key) => key, label: (key) => key },
};
export const FigureContext = createContext<FigureContextValue>(empty);
export const useFigures = () => useContext(FigureContext);
