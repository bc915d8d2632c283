import "server-only";
// The server entry of lib/review/verification: import it as "@/lib/review/verification/server" from outside this folder.
export * from "@/lib/review/verification/server/access";
export * from "@/lib/review/verification/server/feedback";
export * from "@/lib/review/verification/server/feedback-docx";
export * from "@/lib/review/verification/server/findings";
export * from "@/lib/review/verification/server/verification";
