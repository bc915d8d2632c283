// Reads the zod model of a scheme as data: which keys an object at a given place allows (for "unknown key, did you
// mean …" messages) and every object node of the model (for the reference page docs/scheme-format.md and the test
// that fails when a key is missing from it). Conditions are parsed by a transform (they have no discriminator key),
// so the walker is told their shapes.
import type { z } from "@/lib/validation";
import { CONDITION_SHAPES, ZCondition, conditionKind } from "@/lib/template/conditions";

type Schema = z.ZodType;
type Def = { type: string; [k: string]: unknown };
const defOf = (s: Schema): Def => (s as unknown as { def: Def }).def;

/** Optional, default, nullable and pipes (their input side) peeled off. */
export function unwrap(schema: Schema): Schema {
  let s = schema;
  for (;;) {
    const d = defOf(s);
    if (d.type === "optional" || d.type === "default" || d.type === "nullable" || d.type === "prefault") s = d.innerType as Schema;
    else if (d.type === "pipe" && s !== ZCondition) s = d.in as Schema;
    else return s;
  }
}

const shapeOf = (s: Schema) => defOf(s).shape as Record<string, Schema>;

/** The schema that parses `value`, choosing a union's option by its discriminator and a condition by its key. */
function resolve(schema: Schema, value: unknown): Schema {
  const s = unwrap(schema);
  if (s === ZCondition) {
    const kind = conditionKind(value);
    return kind ? unwrap(CONDITION_SHAPES[kind] as Schema) : s;
  }
  const d = defOf(s);
  if (d.type === "union" && typeof d.discriminator === "string" && value && typeof value === "object") {
    const wanted = (value as Record<string, unknown>)[d.discriminator];
    const option = (d.options as Schema[]).find((o) => (defOf(shapeOf(unwrap(o))[d.discriminator as string]).values as unknown[] | undefined)?.includes(wanted));
    return option ? unwrap(option) : s;
  }
  return s;
}

/** Keys the object at `path` inside `json` may have, or null when there is no object there. */
export function objectKeysAt(root: Schema, json: unknown, path: readonly PropertyKey[]): string[] | null {
  let schema = resolve(root, json);
  let value = json;
  for (const part of path) {
    const d = defOf(schema);
    const next = value && typeof value === "object" ? (value as Record<PropertyKey, unknown>)[part] : undefined;
    if (d.type === "object") schema = shapeOf(schema)[String(part)];
    else if (d.type === "array") schema = d.element as Schema;
    else if (d.type === "record") schema = d.valueType as Schema;
    else return null;
    if (!schema) return null;
    schema = resolve(schema, next);
    value = next;
  }
  return defOf(schema).type === "object" ? Object.keys(shapeOf(schema)) : null;
}

export interface ModelField {
  /** Where the field sits, e.g. "criteria[].indicators[].formula{op=ratio}.num". */
  path: string;
  key: string;
  /** "string", "number", "integer", "boolean", "array", "object", "record", "enum", "literal", "condition", "union". */
  type: string;
  optional: boolean;
  defaultValue?: unknown;
  /** Allowed values of an enum or literal. */
  values?: unknown[];
}

/** Every field of every object the model can hold, depth first, each object once per place. */
export function modelFields(root: Schema, rootPath = ""): ModelField[] {
  const out: ModelField[] = [];
  const seenConditions = { done: false };
  const visit = (schema: Schema, path: string, depth: number) => {
    if (depth > 12) return;
    const s = unwrap(schema);
    if (s === ZCondition) {
      if (seenConditions.done) return;
      seenConditions.done = true;
      for (const [kind, shape] of Object.entries(CONDITION_SHAPES)) visit(shape as Schema, `condition{${kind}}`, depth + 1);
      return;
    }
    const d = defOf(s);
    if (d.type === "object") {
      for (const [key, field] of Object.entries(shapeOf(s))) {
        const here = path ? `${path}.${key}` : key;
        out.push(describe(field, path, key));
        visit(field, here, depth + 1);
      }
    } else if (d.type === "array") visit(d.element as Schema, `${path}[]`, depth + 1);
    else if (d.type === "record") visit(d.valueType as Schema, `${path}{}`, depth + 1);
    else if (d.type === "union") {
      const disc = d.discriminator as string | undefined;
      for (const option of d.options as Schema[]) {
        const o = unwrap(option);
        const tag = disc ? String((defOf(shapeOf(o)[disc]).values as unknown[])[0]) : null;
        visit(o, tag ? `${path}{${disc}=${tag}}` : path, depth + 1);
      }
    }
  };
  visit(root, rootPath, 0);
  return out;
}

function describe(field: Schema, path: string, key: string): ModelField {
  let s = field;
  let optional = false;
  let defaultValue: unknown;
  for (;;) {
    const d = defOf(s);
    if (d.type === "optional") optional = true;
    else if (d.type === "default") defaultValue = typeof d.defaultValue === "function" ? (d.defaultValue as () => unknown)() : d.defaultValue;
    else if (d.type !== "nullable") break;
    s = d.innerType as Schema;
  }
  if (s === ZCondition) return { path, key, type: "condition", optional, defaultValue };
  if (defOf(s).type === "pipe") s = defOf(s).in as Schema;
  const d = defOf(s);
  const checks = (d.checks as { _zod: { def: { format?: string } } }[] | undefined) ?? [];
  const integer = d.type === "number" && checks.some((c) => c._zod.def.format === "safeint");
  const values = d.type === "enum" ? Object.values(d.entries as object) : d.type === "literal" ? (d.values as unknown[]) : undefined;
  return { path, key, type: integer ? "integer" : d.type, optional, ...(defaultValue !== undefined ? { defaultValue } : {}), ...(values ? { values } : {}) };
}
