// The browser-safe entry of lib/review/workflow: import it as "@/lib/review/workflow" from outside this folder.
export * from "@/lib/review/workflow/limits";
export * from "@/lib/review/workflow/transitions";
export * from "@/lib/review/workflow/explanations";
