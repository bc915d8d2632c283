// Line-break joins for printed text. Unicode line breaking lets a line end between digits and a following Chinese
// character, so "193所" could print as "193" / "所" and "2019—2022年》" as "2022" / "年》" (an outside audit counted
// about six such breaks a report). A number is kept with its unit, and a date's digits with 年/月/日, by a U+2060
// WORD JOINER (no width; LibreOffice's and Word's line breakers honour it) or, where the county typed a space between
// them, by turning that space into a U+00A0 NO-BREAK SPACE, so the printed gap stays as typed. The joins are added
// only to the Word file's runs (parts/*.ts): the view model, the preview and every stored text keep the county's
// characters.

export const WORD_JOINER = "\u2060";
export const NO_BREAK_SPACE = "\u00a0";

/**
 * Units and counters a figure is printed with. Longer units first, so that "平方米" is taken whole; a compound
 * unit ("元/生·年", "人/班") is joined through its "/" and "·" as well.
 */
const UNITS = [
  "平方米", "立方米", "公里", "千米", "小时", "分钟", "万元", "亿元", "万人", "周岁",
  "年", "月", "日", "号", "时", "分", "秒", "周", "天", "岁",
  "个", "所", "人", "名", "位", "元", "万", "亿", "千", "百", "倍", "项", "次", "件", "台", "套", "册", "间", "班",
  "座", "栋", "户", "家", "条", "份", "批", "节", "门", "届", "期", "张", "辆", "篇", "本", "种", "类", "处", "支",
  "轮", "场", "米", "亩", "角", "轨", "级", "课时", "学时", "㎡", "％", "%", "‰",
];
const UNIT = `(?:${UNITS.join("|")})`;
/** A unit, optionally "per" something: 元/生·年, 人/班, 册/生. */
const COMPOUND = `${UNIT}(?:[/／·][\\p{Script=Han}]{1,2})*`;
// Digits (with decimals, thousands separators), "余"/"多" ("3000余人"), optional spaces, then the unit.
const NUMBER_UNIT = new RegExp(`(\\d(?:[\\d.,，]*\\d)?)([余多])?( *)(${COMPOUND})`, "gu");
// A whole date stays on one line: "2021年11月10日", "2022 年 12 月".
const DATE = /\d{4} *年 *\d{1,2} *月(?: *\d{1,2} *日)?/g;
// "≥ 650" and "≤ 5%": a comparison sign stays with the number after it.
const SIGN_NUMBER = /([≥≤=<>＞＜]) (?=\d)/g;

const joinUnit = (unit: string) => [...unit].join(WORD_JOINER);
/** Every break opportunity inside `text` closed: spaces become no-break spaces, other neighbours get a joiner. */
const joinAll = (text: string) =>
  [...text].reduce((out, ch, i, all) => {
    if (ch === " ") return out + NO_BREAK_SPACE;
    return out + (i > 0 && all[i - 1] !== " " ? WORD_JOINER : "") + ch;
  }, "");

/** `text` with its numbers bound to their units and dates bound together; nothing else changes. */
export function withJoins(text: string): string {
  if (!/\d/.test(text)) return text;
  return text
    .replace(DATE, joinAll)
    .replace(NUMBER_UNIT, (_m, digits: string, about: string | undefined, spaces: string, unit: string) => {
      const head = about ? `${digits}${WORD_JOINER}${about}` : digits;
      const gap = spaces ? NO_BREAK_SPACE.repeat(spaces.length) : WORD_JOINER;
      return `${head}${gap}${joinUnit(unit)}`;
    })
    .replace(SIGN_NUMBER, `$1${NO_BREAK_SPACE}`);
}

/** The text as a reader sees it: the joins removed (tests, and anything comparing printed text with stored text). */
export const withoutJoins = (text: string): string => text.replace(/\u2060/g, "").replace(/\u00a0/g, " ");
