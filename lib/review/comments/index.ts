// The browser-safe entry of lib/review/comments: import it as "@/lib/review/comments" from outside this folder.
export * from "@/lib/review/comments/anchors";
export * from "@/lib/review/comments/phrase-schemas";
export * from "@/lib/review/comments/rules";
export * from "@/lib/review/comments/schemas";
export * from "@/lib/review/comments/view";
