import "server-only";
// The server entry of lib/review/audit: import it as "@/lib/review/audit/server" from outside this folder.
export * from "@/lib/review/audit/server/audit-log";
export * from "@/lib/review/audit/server/notifications";
