// The browser-safe entry of lib/review/dashboard: import it as "@/lib/review/dashboard" from outside this folder.
export * from "@/lib/review/dashboard/attention";
export * from "@/lib/review/dashboard/buckets";
export * from "@/lib/review/dashboard/charts";
export * from "@/lib/review/dashboard/chart-export";
export * from "@/lib/review/dashboard/filters";
export * from "@/lib/review/dashboard/matrix";
export * from "@/lib/review/dashboard/text";
export * from "@/lib/review/dashboard/types";
export * from "@/lib/review/dashboard/status";
