// The browser-safe entry of lib/review/verification: import it as "@/lib/review/verification" from outside this folder.
export * from "@/lib/review/verification/items";
export * from "@/lib/review/verification/schemas";
export * from "@/lib/review/verification/view";
