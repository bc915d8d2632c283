import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { architectureConfigs } from "./scripts/lint/architecture.mjs";

const config = [
  ...nextVitals,
  ...nextTs,
  // Which part of the code may import which: declared in scripts/lint/architecture.mjs, explained in
  // docs/architecture.md.
  ...architectureConfigs(),
  {
    // Times are printed in Beijing time by lib/dates.ts alone (a formatter without a time zone prints server time).
    files: ["app/**", "components/**", "lib/**"],
    ignores: ["lib/dates.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "MemberExpression[property.name=/^toLocale(Date|Time)String$/]", message: "请用 lib/dates.ts 的 formatDateTime（按北京时间显示）" },
        { selector: "MemberExpression[object.name='Intl'][property.name='DateTimeFormat']", message: "请用 lib/dates.ts 的 formatDateTime（按北京时间显示）" },
        { selector: "CallExpression[callee.property.name=/^get(FullYear|Month|Date|Hours|Minutes|Day)$/]", message: "这些方法按服务器时区取值；请用 lib/dates.ts 的 beijingParts" },
      ],
    },
  },
  {
    ignores: [".next/**", ".next-*/**", "node_modules/**", "lib/db/generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
];

export default config;
