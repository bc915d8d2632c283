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
/** The values a discriminator field allows (a literal's, or an enum's). */
const tagsOf = (s: Schema): unknown[] => {
  const d = defOf(unwrap(s));
  return (d.values as unknown[] | undefined) ?? Object.values((d.entries as object | undefined) ?? {});
};

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
    const option = (d.options as Schema[]).find((o) => tagsOf(shapeOf(unwrap(o))[d.discriminator as string]).includes(wanted));
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
  key: string;
  /** "string", "number", "integer", "boolean", "array", "object", "record", "enum", "literal", "condition", "union". */
  type: string;
  /** May be left out (optional or with a default). */
  optional: boolean;
  defaultValue?: unknown;
  /** Allowed values of an enum or literal. */
  values?: unknown[];
}

export interface ModelObject {
  /** Where the object first appears, e.g. "criteria[].indicators[].formula{op=ratio}"; "" for the scheme itself;
   *  "condition{allOf}" for the kinds of conditions. */
  path: string;
  /** Other places the same object appears (ZInput in criteria, the profile part and matrices). */
  alsoAt: string[];
  fields: ModelField[];
}

/** Every object of the model once, in the order a depth-first walk meets them, with its fields. */
export function modelObjects(root: Schema): ModelObject[] {
  const objects: ModelObject[] = [];
  const byIdentity = new Map<Schema, ModelObject>();
  const visit = (schema: Schema, path: string, depth: number) => {
    if (depth > 14) return;
    const s = unwrap(schema);
    if (s === ZCondition) {
      for (const [kind, shape] of Object.entries(CONDITION_SHAPES)) visitObject(unwrap(shape as Schema), `condition{${kind}}`, depth + 1);
      return;
    }
    const d = defOf(s);
    if (d.type === "object") visitObject(s, path, depth);
    else if (d.type === "array") visit(d.element as Schema, `${path}[]`, depth + 1);
    else if (d.type === "record") visit(d.valueType as Schema, `${path}{}`, depth + 1);
    else if (d.type === "union") {
      const disc = d.discriminator as string | undefined;
      for (const option of d.options as Schema[]) {
        const o = unwrap(option);
        if (defOf(o).type !== "object") continue;
        const tag = disc ? tagsOf(shapeOf(o)[disc]).join("|") : null;
        visit(o, tag ? `${path}{${disc}=${tag}}` : path, depth + 1);
      }
    }
  };
  const visitObject = (s: Schema, path: string, depth: number) => {
    const seen = byIdentity.get(s);
    if (seen) {
      if (seen.path !== path && !seen.alsoAt.includes(path)) seen.alsoAt.push(path);
      return;
    }
    const object: ModelObject = { path, alsoAt: [], fields: [] };
    byIdentity.set(s, object);
    objects.push(object);
    for (const [key, field] of Object.entries(shapeOf(s))) {
      object.fields.push(describe(field, key));
      visit(field, path ? `${path}.${key}` : key, depth + 1);
    }
  };
  visit(root, "", 0);
  return objects;
}

function describe(field: Schema, key: string): ModelField {
  let s = field;
  let optional = false;
  let defaultValue: unknown;
  for (;;) {
    const d = defOf(s);
    if (d.type === "optional") optional = true;
    else if (d.type === "default") {
      optional = true;
      defaultValue = typeof d.defaultValue === "function" ? (d.defaultValue as () => unknown)() : d.defaultValue;
    } else if (d.type !== "nullable") break;
    s = d.innerType as Schema;
  }
  if (s === ZCondition) return { key, type: "condition", optional, ...(defaultValue !== undefined ? { defaultValue } : {}) };
  if (defOf(s).type === "pipe") s = defOf(s).in as Schema;
  const d = defOf(s);
  const checks = (d.checks as { _zod: { def: { format?: string } } }[] | undefined) ?? [];
  const integer = d.type === "number" && checks.some((c) => c._zod.def.format === "safeint");
  const values = d.type === "enum" ? Object.values(d.entries as object) : d.type === "literal" ? (d.values as unknown[]) : undefined;
  return { key, type: integer ? "integer" : d.type, optional, ...(defaultValue !== undefined ? { defaultValue } : {}), ...(values ? { values } : {}) };
}
