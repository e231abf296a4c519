import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/** What a client component must never import: the database and what reads it (`server-only` makes the build fail too). */
const SERVER_ONLY_SOURCES = /^(@\/lib\/db(\/(?!generated\/(enums|browser)$).*)?|@prisma\/.*|pg|pg-boss|@electric-sql\/.*)$/;

/**
 * Dependencies point down: app/ → components/ → lib/ → the Prisma client. `lib-imports`: lib/ never
 * imports app/ or components/ (a rule that needed them would be UI). `client-imports`: a file marked
 * "use client" never imports database code, which would ship to the browser or fail there.
 */
const boundaries = {
  rules: {
    "client-imports": {
      meta: {
        type: "problem",
        schema: [],
        messages: { server: "A client component may not import {{source}}: load the data in a server component or a route handler." },
      },
      create(context) {
        const isClient = context.sourceCode.ast.body.some((node) => node.type === "ExpressionStatement" && node.directive === "use client");
        if (!isClient) return {};
        const check = (node) => {
          if (node.source && SERVER_ONLY_SOURCES.test(node.source.value))
            context.report({ node, messageId: "server", data: { source: node.source.value } });
        };
        return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
      },
    },
  },
};

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", "node_modules/**", "lib/db/generated/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    rules: {
      // Settings are parsed once, with defaults and messages, in lib/config/env.ts.
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read settings from lib/config/env.ts." }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    plugins: { boundaries },
    rules: { "boundaries/client-imports": "error" },
  },
  {
    files: ["lib/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(@/|(\\.\\./)+)(app|components)(/|$)",
              message: "lib/ holds the rules and use cases: it never imports app/ or components/.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["app/**", "components/**"],
    ignores: ["components/dsfr/badge.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@codegouvfr/react-dsfr/Badge",
              message: "Use components/dsfr/badge: a <span>, valid within a sentence or a heading (react-dsfr's is a <p>).",
            },
          ],
        },
      ],
    },
  },
  {
    // The env module itself, tooling configuration, and Next's inlined NODE_ENV in the proxy.
    files: [
      "lib/config/env.ts",
      "prisma.config.ts",
      "playwright.config.ts",
      "vitest.config.ts",
      "proxy.ts",
      "scripts/**",
      "bench/**",
      "e2e/**",
      "test/**",
      ".ci/**",
    ],
    rules: { "no-restricted-properties": "off" },
  },
];

export default config;
