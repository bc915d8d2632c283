import "server-only";
// The server entry of lib/review/workflow: import it as "@/lib/review/workflow/server" from outside this folder.
export * from "@/lib/review/workflow/server/redline";
export * from "@/lib/review/workflow/server/workflow";
export * from "@/lib/review/workflow/server/explanations";
