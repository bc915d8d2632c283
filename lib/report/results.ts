// Results with several levels (scheme.results, e.g. 巩固 / 提高 / 创优): the first level whose condition holds, or
// "待定" while a better level still depends on figures not yet filled in.
import { decideLevel, type Verdicts } from "@/lib/indicators/conditions";
import type { TScheme } from "@/lib/template/schema";

export interface ResultView {
  key: string;
  title: string;
  /** The level reached (or `otherwise`); null while undecided. */
  label: string | null;
  levelKey: string | null;
  decided: boolean;
  /** While undecided: the best level still possible. */
  best?: string;
}

export function resultViews(scheme: TScheme, verdicts: Verdicts): ResultView[] {
  return scheme.results.map((r) => {
    const d = decideLevel(r.levels, verdicts);
    if (!d.decided) return { key: r.key, title: r.title, label: null, levelKey: null, decided: false, best: r.levels[d.best].label };
    const level = d.index === null ? null : r.levels[d.index];
    return { key: r.key, title: r.title, label: level?.label ?? r.otherwise, levelKey: level?.key ?? null, decided: true };
  });
}
