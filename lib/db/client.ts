import "server-only";
export { getDb, createDb, type Db } from "@/lib/db/connect";
