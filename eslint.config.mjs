import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", "node_modules/**", "lib/db/generated/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    rules: {
      // Settings are parsed once, with defaults and messages, in lib/config/env.ts.
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read settings from lib/config/env.ts." },
      ],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The env module itself, tooling configuration, and Next's inlined NODE_ENV in the proxy.
    files: ["lib/config/env.ts", "prisma.config.ts", "playwright.config.ts", "vitest.config.ts", "proxy.ts", "scripts/**", "bench/**", "e2e/**", "test/**", ".ci/**"],
    rules: { "no-restricted-properties": "off" },
  },
];

export default config;
