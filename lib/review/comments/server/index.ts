import "server-only";
// The server entry of lib/review/comments: import it as "@/lib/review/comments/server" from outside this folder.
export * from "@/lib/review/comments/server/answers";
export * from "@/lib/review/comments/server/apply";
export * from "@/lib/review/comments/server/comments";
export * from "@/lib/review/comments/server/library";
