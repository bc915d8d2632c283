// The browser-safe entry of lib/review/audit: import it as "@/lib/review/audit" from outside this folder.
export * from "@/lib/review/audit/notifications";
