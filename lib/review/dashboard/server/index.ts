import "server-only";
// The server entry of lib/review/dashboard: import it as "@/lib/review/dashboard/server" from outside this folder.
export * from "@/lib/review/dashboard/server/dashboard";
export * from "@/lib/review/dashboard/server/summaries";
export * from "@/lib/review/dashboard/server/xlsx";
export * from "@/lib/review/dashboard/server/attention";
