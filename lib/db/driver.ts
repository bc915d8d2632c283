import "server-only";
// SQL straight to the driver adapter Prisma itself runs on: the same better-sqlite3 connection (with the
// transaction isolation of lib/db/connect.ts) or the same PostgreSQL pool, without Prisma's query planning. Each
// statement through the Prisma client costs about 0.4 ms of CPU before it reaches the database, several times the
// database's own time for the indexed single-row statements of an autosave; on the hot path that was most of the
// server's work (docs/decisions/015-raw-sql-on-the-hot-path.md). Everything else keeps using Prisma.
//
// Portable SQL only: quoted identifiers, `?`-free text (placeholders are added here), no dialect functions. Values
// are strings, numbers, booleans, Dates or null; a Date is written exactly as Prisma writes it (the adapters format
// it). Rows come back typed by the column types the adapter reports, as Prisma would type them: integers and
// decimals as numbers, booleans as booleans (SQLite stores 0/1), dates as Dates.
import { ColumnTypeEnum, type ArgType, type ColumnType, type SqlQuery, type SqlQueryable, type Transaction } from "@prisma/driver-adapter-utils";
import type { Db } from "@/lib/db/connect";

export type SqlValue = string | number | boolean | Date | null;
export type Statement = { strings: readonly string[]; values: (SqlValue | readonly SqlValue[])[] };

/** A statement from a template: sql`SELECT "x" FROM "T" WHERE "id" = ${id} AND "s" IN (${["a", "b"]})`. */
export function sql(strings: TemplateStringsArray, ...values: (SqlValue | readonly SqlValue[])[]): Statement {
  return { strings, values };
}

/** Statements concatenated into one, in order (for a list of rows a template cannot spell, e.g. VALUES (…), (…)). */
export function joinSql(parts: readonly Statement[]): Statement {
  const strings: string[] = [""];
  const values: Statement["values"] = [];
  for (const part of parts) {
    strings[strings.length - 1] += part.strings[0];
    part.values.forEach((value, i) => {
      values.push(value);
      strings.push(part.strings[i + 1]);
    });
  }
  return { strings, values };
}

function argType(value: SqlValue): ArgType {
  if (typeof value === "number") return { scalarType: Number.isInteger(value) ? "int" : "float", arity: "scalar" };
  if (typeof value === "boolean") return { scalarType: "boolean", arity: "scalar" };
  if (value instanceof Date) return { scalarType: "datetime", arity: "scalar" };
  return { scalarType: "string", arity: "scalar" };
}

/** The statement with the provider's placeholders (`?` or `$1`); an array value becomes a list of them. */
export function toQuery(provider: Db["provider"], statement: Statement): SqlQuery {
  const args: SqlValue[] = [];
  const placeholder = (value: SqlValue) => {
    args.push(value);
    return provider === "postgresql" ? `$${args.length}` : "?";
  };
  let text = statement.strings[0];
  statement.values.forEach((value, i) => {
    if (Array.isArray(value)) {
      if (value.length === 0) throw new Error("sql: empty list");
      text += value.map(placeholder).join(", ");
    } else text += placeholder(value as SqlValue);
    text += statement.strings[i + 1];
  });
  return { sql: text, args, argTypes: args.map(argType) };
}

export type SqlRunner = {
  /** Rows as objects keyed by column name. */
  rows<T extends Record<string, unknown>>(statement: Statement): Promise<T[]>;
  /** The number of rows the statement changed. */
  run(statement: Statement): Promise<number>;
};

const NUMBER_COLUMNS = new Set<ColumnType>([
  ColumnTypeEnum.Int32,
  ColumnTypeEnum.Int64,
  ColumnTypeEnum.Float,
  ColumnTypeEnum.Double,
  ColumnTypeEnum.Numeric,
  ColumnTypeEnum.UnknownNumber,
]);

/** A value as the driver returns it (SQLite integers arrive as strings, PostgreSQL bigints too) as Prisma types it. */
export function typedValue(type: ColumnType, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (NUMBER_COLUMNS.has(type)) return Number(value);
  if (type === ColumnTypeEnum.Boolean) return value === true || value === 1 || value === "1" || value === "true" || value === BigInt(1);
  if (type === ColumnTypeEnum.DateTime || type === ColumnTypeEnum.Date) {
    return value instanceof Date ? value : new Date(typeof value === "string" ? value : Number(value));
  }
  return value;
}

function runner(provider: Db["provider"], queryable: SqlQueryable): SqlRunner {
  return {
    async rows<T extends Record<string, unknown>>(statement: Statement) {
      const { columnNames, columnTypes, rows } = await queryable.queryRaw(toQuery(provider, statement));
      return rows.map((row) => Object.fromEntries(columnNames.map((name, i) => [name, typedValue(columnTypes[i], row[i])])) as T);
    },
    run: (statement) => queryable.executeRaw(toQuery(provider, statement)),
  };
}

/** Statements outside a transaction (on SQLite they wait for an open one, lib/db/connect.ts). */
export async function driverQuery(db: Db): Promise<SqlRunner> {
  return runner(db.provider, await db.$driver());
}

const NO_ARGS = { args: [], argTypes: [] };

/**
 * Runs `work` in one database transaction: committed when it returns, rolled back when it throws (the error is
 * rethrown). As in Prisma's own transactions the adapter begins it and we end it: adapters that say
 * `usePhantomQuery: false` (both of ours) expect COMMIT / ROLLBACK as statements before commit() / rollback()
 * releases the connection.
 */
export async function driverTransaction<T>(db: Db, work: (tx: SqlRunner) => Promise<T>): Promise<T> {
  const tx: Transaction = await (await db.$driver()).startTransaction();
  const end = (verb: "COMMIT" | "ROLLBACK") => (tx.options.usePhantomQuery ? Promise.resolve(0) : tx.executeRaw({ sql: verb, ...NO_ARGS }));
  let result: T;
  try {
    result = await work(runner(db.provider, tx));
    await end("COMMIT");
  } catch (error) {
    await end("ROLLBACK").catch(() => undefined);
    await tx.rollback();
    throw error;
  }
  await tx.commit();
  return result;
}
