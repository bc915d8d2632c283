// Breaking a long 公文 title: GB/T 9704 asks for lines that keep word sense and form a trapezoid or diamond. A break
// wherever the line fills ("…评价 / 工作的自评报告") looks careless, so lines break only at word boundaries that a
// reader would accept, and among those the shape is chosen: as few lines as possible, no line much shorter than
// another, and — the common practice for report titles — a longer line on top, filled as far as a good break allows.

/** Characters of 2号 (22 pt) that fit the 156 mm text block. */
export const TITLE_LINE_CHARS = 20;

// ICU's Chinese dictionary splits some terms a title must keep whole (闻|喜, 办公|室, 督|导), so these are glued.
const TERMS = [
  "人民政府", "办公室", "委员会", "教育局", "教育科技局", "教科局", "教育督导", "督导", "自评", "自查", "报告",
  "教育职责", "履行", "评价", "工作", "情况", "通知", "方案", "意见", "年度", "印发", "义务教育", "学前教育",
];
// A line should not end with these (they lead into what follows) …
const LEADING_WORDS = new Set(["关于", "对", "在", "和", "与", "及", "履行", "印发", "做好", "加强", "推进", "开展", "落实"]);
// … nor start with these (they close what came before).
const TRAILING_WORDS = new Set(["的", "之", "等", "工作", "报告", "情况", "通知", "方案", "意见", "办法", "细则"]);
const NO_LINE_END = /[《（“‘〈「【(]$/;
const NO_LINE_START = /^[》）”’〉」】)、，。：；！？]/;

const segmenter = new Intl.Segmenter("zh", { granularity: "word" });
const length = (s: string) => [...s].length;

/** Code-unit offsets where a line may break, with the words either side. */
function breakPoints(title: string, keep: readonly string[]): number[] {
  const glued = new Set<number>();
  for (const term of [...TERMS, ...keep.filter(Boolean)]) {
    for (let at = title.indexOf(term); at >= 0; at = title.indexOf(term, at + 1)) {
      for (let i = at + 1; i < at + term.length; i++) glued.add(i);
    }
  }
  const words = [...segmenter.segment(title)].map((s) => s.segment);
  const points: number[] = [];
  let offset = 0;
  words.forEach((word, i) => {
    offset += word.length;
    const next = words[i + 1];
    if (next === undefined || glued.has(offset)) return;
    if (LEADING_WORDS.has(word) || TRAILING_WORDS.has(next)) return;
    if (NO_LINE_END.test(word) || NO_LINE_START.test(next)) return;
    points.push(offset);
  });
  return points;
}

/** Every way to cut `title` into `lines` lines of at most `max` characters at the given points. */
function splits(title: string, points: number[], lines: number, max: number, from = 0): string[][] {
  const rest = title.slice(from);
  if (lines === 1) return length(rest) <= max ? [[rest]] : [];
  return points
    .filter((p) => p > from && length(title.slice(from, p)) <= max)
    .flatMap((p) => splits(title, points, lines - 1, max, p).map((tail) => [title.slice(from, p), ...tail]));
}

const balanced = (lines: string[]) => Math.min(...lines.map(length)) >= 0.4 * Math.max(...lines.map(length));
const topHeavy = (lines: string[]) => lines.every((l, i) => i === 0 || length(l) <= length(lines[i - 1]));
/** Longer earlier lines first: compares line lengths in order. */
const fuller = (a: string[], b: string[]) => {
  const i = a.findIndex((l, k) => length(l) !== length(b[k]));
  return i < 0 ? 0 : length(b[i]) - length(a[i]);
};

/**
 * The title's lines. `keep` lists names that must not be split (the issuer, the county). A title that cannot be
 * broken at an acceptable point falls back to filling lines, so nothing is ever lost or overflows.
 */
export function breakTitle(title: string, options: { max?: number; keep?: readonly string[] } = {}): string[] {
  const max = options.max ?? TITLE_LINE_CHARS;
  const text = title.trim();
  if (length(text) <= max) return text ? [text] : [];
  const points = breakPoints(text, options.keep ?? []);
  for (let lines = Math.ceil(length(text) / max); lines <= Math.ceil(length(text) / max) + 2; lines++) {
    const all = splits(text, points, lines, max);
    if (!all.length) continue;
    const shaped = all.filter(balanced);
    const pool = shaped.length ? shaped : all;
    const preferred = pool.filter(topHeavy);
    return [...(preferred.length ? preferred : pool)].sort(fuller)[0];
  }
  const chars = [...text];
  return Array.from({ length: Math.ceil(chars.length / max) }, (_, i) => chars.slice(i * max, (i + 1) * max).join(""));
}
