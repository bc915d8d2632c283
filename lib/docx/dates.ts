// 公文 dates: Arabic numerals, the full year, no leading zeros — "2021年11月10日" (GB/T 9704 §7.3.5.4).

/** "2021-11-10" → "2021年11月10日"; "2022-06" → "2022年6月"; anything else (or "") is returned as given. */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(iso.trim());
  if (!m) return iso.trim();
  const [, year, month, day] = m;
  return `${year}年${Number(month)}月${day ? `${Number(day)}日` : ""}`;
}
