// The browser-safe entry of lib/review/ledger: import it as "@/lib/review/ledger" from outside this folder.
export * from "@/lib/review/ledger/model";
export * from "@/lib/review/ledger/rules";
export * from "@/lib/review/ledger/checklist";
export * from "@/lib/review/ledger/from-problems";
