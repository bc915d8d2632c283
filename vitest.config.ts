import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "lib/testing/server-only-stub.ts"),
    },
  },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration files each open their own databases; two workers match the 2-core machines.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: "node",
          environment: "node",
          include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "components/**/*.test.ts"],
        },
      },
      {
        // Components rendered with Testing Library in happy-dom (it implements <dialog>'s showModal/close, which
        // the conflict dialog uses; jsdom's current release needs Node 22).
        extends: true,
        test: {
          name: "dom",
          environment: "happy-dom",
          include: ["components/**/*.test.tsx"],
          setupFiles: ["lib/testing/dom-setup.ts"],
        },
      },
    ],
  },
});
