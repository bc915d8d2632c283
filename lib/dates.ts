// The one way the app prints a moment: in Beijing time (Asia/Shanghai), whatever the time zone of the server or of
// the browser, so that the same save reads the same on /reports, the status line, history, 操作记录,
// notifications, the Word file and the .xlsx export. Stored values stay UTC instants (Date / ISO strings).

export const TIME_ZONE = "Asia/Shanghai";

const STYLES = {
  /** 2026/12/02 14:12 */
  datetime: { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" },
  /** 2026/12/02 14:12:05 */
  "datetime-seconds": { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" },
  /** 12/02 14:12 */
  short: { month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" },
  /** 12/02 14:12:05 */
  "short-seconds": { month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" },
  /** 2026/12/02 */
  date: { year: "numeric", month: "2-digit", day: "2-digit" },
  /** 14:12 */
  time: { hour: "2-digit", minute: "2-digit" },
  /** 14:12:05 */
  "time-seconds": { hour: "2-digit", minute: "2-digit", second: "2-digit" },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

export type DateStyle = keyof typeof STYLES;

const formatters = new Map<DateStyle, Intl.DateTimeFormat>();

function formatter(style: DateStyle): Intl.DateTimeFormat {
  let f = formatters.get(style);
  if (!f) formatters.set(style, (f = new Intl.DateTimeFormat("zh-CN", { ...STYLES[style], hourCycle: "h23", timeZone: TIME_ZONE })));
  return f;
}

const toDate = (value: Date | string | number) => (value instanceof Date ? value : new Date(value));

/** `value` in Beijing time; "" for a missing or invalid value. */
export function formatDateTime(value: Date | string | number | null | undefined, style: DateStyle = "datetime"): string {
  if (value === null || value === undefined || value === "") return "";
  const date = toDate(value);
  return Number.isNaN(date.getTime()) ? "" : formatter(style).format(date);
}

/** The calendar fields of `value` in Beijing time. */
export function beijingParts(value: Date | string | number = new Date()) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone: TIME_ZONE, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" })
      .formatToParts(toDate(value))
      .filter((p) => p.type !== "literal")
      .map((p) => [p.type, Number(p.value)]),
  ) as Record<"year" | "month" | "day" | "hour" | "minute" | "second", number>;
  return parts;
}

/**
 * The Beijing wall-clock time of `value` as a Date whose UTC fields hold it. Word writes a comment's date (w:date) as
 * local time with a "Z" suffix and shows it as written; a true UTC instant would show eight hours early in China.
 */
export function wordLocalDate(value: Date | string | number): Date {
  const p = beijingParts(value);
  return new Date(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second));
}
