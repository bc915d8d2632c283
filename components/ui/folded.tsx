"use client";
// A <details> that renders nothing inside while it is folded: a long page of folded parts (a scheme's items, a
// chart's data table of 120 counties) costs neither server rendering nor re-renders until a person opens one.
// Folded content that holds form values keeps them in the form, not in these elements.
import { useState, type HTMLAttributes, type ReactNode } from "react";

type Props = Omit<HTMLAttributes<HTMLDetailsElement>, "open" | "onToggle"> & {
  summary: ReactNode;
  summaryClassName?: string;
  /** Open on first render (then as the person leaves it). */
  initiallyOpen?: boolean;
  /** Kept open whatever the person did, e.g. while it holds errors. */
  forceOpen?: boolean;
  children: ReactNode;
};

export function Folded({ summary, summaryClassName, initiallyOpen = false, forceOpen = false, children, ...details }: Props) {
  const [opened, setOpened] = useState(initiallyOpen);
  const open = opened || forceOpen;
  return (
    <details {...details} open={open} onToggle={(e) => setOpened(e.currentTarget.open)}>
      <summary className={summaryClassName}>{summary}</summary>
      {open ? children : null}
    </details>
  );
}
