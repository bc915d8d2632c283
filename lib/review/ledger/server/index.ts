import "server-only";
// The server entry of lib/review/ledger: import it as "@/lib/review/ledger/server" from outside this folder.
export * from "@/lib/review/ledger/server/create";
export * from "@/lib/review/ledger/server/from-report";
export * from "@/lib/review/ledger/server/items";
