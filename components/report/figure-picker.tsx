"use client";
// 插入数据: a searchable list of the report's figures, grouped by section with computed indicators and typed inputs
// apart, recently used first. Type to filter ("毛入园" finds 学前三年毛入园率); ↑/↓ move, Enter inserts, Esc closes
// and returns to the text where the cursor was.
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import type { FigureStore } from "@/components/report/figure-store";
import { normaliseProse } from "@/lib/report/prose-text";

export type FigureOption = {
  key: string;
  label: string;
  kind: "input" | "indicator";
  /** The section the figure belongs to, e.g. "（十）学前教育普及普惠发展情况". */
  group: string;
  aliases: string[];
};

const RECENT_KEY = "edu-recent-figures";
const RECENT_MAX = 6;

function readRecent(): string[] {
  try {
    const raw = JSON.parse(window.localStorage.getItem(RECENT_KEY) ?? "[]");
    return Array.isArray(raw) ? raw.filter((k): k is string => typeof k === "string").slice(0, RECENT_MAX) : [];
  } catch {
    return [];
  }
}

export function rememberFigure(key: string) {
  try {
    window.localStorage.setItem(RECENT_KEY, JSON.stringify([key, ...readRecent().filter((k) => k !== key)].slice(0, RECENT_MAX)));
  } catch {
    // Storage disabled: the picker just has no 最近使用 group.
  }
}

const fold = (s: string) => normaliseProse(s).toLowerCase().replace(/\s+/g, "");

/** How well an option matches: 0 best; null no match. Subsequence matches ("毛入率") rank last. */
function rank(o: FigureOption, q: string): number | null {
  if (!q) return 0;
  const label = fold(o.label);
  if (label.startsWith(q)) return 0;
  if (label.includes(q)) return 1;
  if (o.aliases.some((a) => fold(a).includes(q))) return 2;
  if (fold(o.group).includes(q)) return 3;
  let at = 0;
  for (const c of label) if (c === q[at]) at++;
  return at === q.length ? 4 : null;
}

type Group = { title: string; options: FigureOption[] };

function groupsFor(options: FigureOption[], query: string, recent: string[]): Group[] {
  const q = fold(query);
  const matched = options
    .map((o, i) => ({ o, i, r: rank(o, q) }))
    .filter((x): x is { o: FigureOption; i: number; r: number } => x.r !== null);
  const groups: Group[] = [];
  const recentOptions = recent.map((k) => matched.find((m) => m.o.key === k)?.o).filter((o): o is FigureOption => !!o);
  if (recentOptions.length) groups.push({ title: "最近使用", options: recentOptions });
  const ordered = q ? [...matched].sort((a, b) => a.r - b.r || a.i - b.i) : matched;
  const byTitle = new Map<string, Group>();
  for (const { o } of ordered) {
    if (recentOptions.includes(o)) continue;
    const title = `${o.group} · ${o.kind === "indicator" ? "计算结果" : "填报数据"}`;
    let g = byTitle.get(title);
    if (!g) byTitle.set(title, (g = { title, options: [] }));
    g.options.push(o);
  }
  return [...groups, ...byTitle.values()];
}

export function FigurePicker({ options, store, onPick, onClose }: { options: FigureOption[]; store: FigureStore; onPick: (key: string) => void; onClose: () => void }) {
  const [query, setQuery] = useState("");
  const [recent] = useState(readRecent);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const id = useId();
  const groups = useMemo(() => groupsFor(options, query, recent), [options, query, recent]);
  const flat = groups.flatMap((g) => g.options);
  const current = flat[Math.min(active, flat.length - 1)];

  useEffect(() => input.current?.focus(), []);
  useEffect(() => {
    list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: "nearest" });
  }, [active, query]);

  function pick(key: string) {
    rememberFigure(key);
    onPick(key);
  }

  function onKey(e: KeyboardEvent) {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((a) => (flat.length ? (Math.min(a, flat.length - 1) + step + flat.length) % flat.length : 0));
    } else if (e.key === "Home" || e.key === "End") {
      e.preventDefault();
      setActive(e.key === "Home" ? 0 : flat.length - 1);
    } else if (e.key === "Enter") {
      e.preventDefault();
      if (current) pick(current.key);
    } else if (e.key === "Escape") {
      e.preventDefault();
      onClose();
    }
  }

  const optionId = (key: string) => `${id}-${key}`;
  return (
    <div role="dialog" aria-label="插入数据" className="absolute left-0 right-0 top-full z-30 mt-1 rounded-lg border border-slate-200 bg-white shadow-xl sm:left-auto sm:w-[30rem]" onKeyDown={onKey}>
      <div className="border-b border-slate-100 p-2">
        <input
          ref={input}
          role="combobox"
          aria-expanded
          aria-controls={`${id}-list`}
          aria-activedescendant={current ? optionId(current.key) : undefined}
          aria-label="搜索数据（输入名称中的字，如“毛入园”）"
          placeholder="搜索数据，如“毛入园”"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onBlur={(e) => {
            if (!e.currentTarget.closest('[role="dialog"]')?.contains(e.relatedTarget as Node | null)) onClose();
          }}
          className="block w-full rounded-md border border-slate-300 px-3 py-1.5 text-sm focus:border-brand-600 focus:outline-none"
        />
        <p className="mt-1 text-xs text-slate-500">↑↓ 选择，Enter 插入，Esc 关闭。插入的数据随填报数据自动更新。</p>
      </div>
      <ul ref={list} id={`${id}-list`} role="listbox" aria-label="可插入的数据" className="max-h-80 overflow-y-auto py-1 text-sm">
        {flat.length === 0 ? <li className="px-3 py-2 text-slate-500">没有名称含“{query}”的数据</li> : null}
        {groups.map((g) => (
          <li key={g.title} role="presentation">
            <p className="sticky top-0 bg-slate-50 px-3 py-1 text-xs font-medium text-slate-500">{g.title}</p>
            <ul role="group" aria-label={g.title}>
              {g.options.map((o) => {
                const selected = o === current;
                const shown = store.get(o.key);
                return (
                  <li
                    key={o.key}
                    id={optionId(o.key)}
                    role="option"
                    aria-selected={selected}
                    tabIndex={-1}
                    onMouseDown={(e) => e.preventDefault()}
                    onMouseEnter={() => setActive(flat.indexOf(o))}
                    onClick={() => pick(o.key)}
                    className={`flex cursor-pointer items-baseline justify-between gap-3 px-3 py-1.5 ${selected ? "bg-brand-50 text-brand-800" : "text-slate-800"}`}
                  >
                    <span className="min-w-0">{o.label}</span>
                    <span className={`shrink-0 tabular-nums ${shown.filled ? "text-slate-600" : "text-xs text-slate-400"}`}>{shown.filled ? shown.text : "未填写"}</span>
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  );
}
