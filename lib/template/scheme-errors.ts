// Validation errors point at the node to fix with a readable path such as "criteria[3].indicators[0].formula.num".

export interface SchemeError {
  path: string;
  message: string;
}

/** zod-style path → "criteria[3].indicators[0].formula.num" ("" for the whole document). */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, part) => {
    if (typeof part === "number") return `${out}[${part}]`;
    return out ? `${out}.${String(part)}` : String(part);
  }, "");
}

/** One error per repeated value, each pointing at the later occurrence and naming the first. */
export function duplicateErrors(entries: { value: string; path: string }[], what: string): SchemeError[] {
  const first = new Map<string, string>();
  const errors: SchemeError[] = [];
  for (const { value, path } of entries) {
    const earlier = first.get(value);
    if (earlier === undefined) first.set(value, path);
    else errors.push({ path, message: `${what}「${value}」重复（已在 ${earlier} 使用）` });
  }
  return errors;
}
