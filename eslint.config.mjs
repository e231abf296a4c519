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

/**
 * react-dsfr makes a field's message group a live region: a field in error would say its message
 * as it appears, then again when the focus lands on it (RGAA 11.10, components/forms/field-error.ts).
 * `quiet-messages`: a react-dsfr text field or select that may show a message takes
 * `ref={quietMessages}`, a group of radios or checkboxes `ref={useQuietGroupMessages(message)}`;
 * the fields of components/forms/fields.tsx do it already.
 */
const DSFR_FIELDS = { Input: "text", Select: "text", Range: "text", RadioButtons: "group", Checkbox: "group" };

/** The expression a variable is declared with (`const error = errorState(…)`), seen from where it is used. */
function initOf(context, node, name) {
  for (let scope = context.sourceCode.getScope(node); scope; scope = scope.upper) {
    const variable = scope.set.get(name);
    if (variable) return variable.defs[0]?.node.type === "VariableDeclarator" ? variable.defs[0].node.init : null;
  }
  return null;
}

const fields = {
  rules: {
    "quiet-messages": {
      meta: {
        type: "problem",
        schema: [],
        messages: {
          loud: "<{{field}}> shows a message in react-dsfr's live region, which says it a second time: give it {{fix}}, or use a field of components/forms/fields.tsx.",
        },
      },
      create(context) {
        const kinds = new Map();
        const callsErrorState = (expression) => /\berrorState\(/.test(context.sourceCode.getText(expression));
        const showsMessage = (element) =>
          element.attributes.some((attribute) => {
            if (attribute.type === "JSXAttribute") return ["state", "stateRelatedMessage"].includes(attribute.name.name);
            const spread = attribute.argument;
            if (callsErrorState(spread)) return true;
            const init = spread.type === "Identifier" ? initOf(context, element, spread.name) : null;
            return Boolean(init && callsErrorState(init));
          });
        const isQuiet = (element, kind) => {
          const ref = element.attributes.find((attribute) => attribute.type === "JSXAttribute" && attribute.name.name === "ref");
          const expression = ref?.value?.type === "JSXExpressionContainer" ? ref.value.expression : null;
          if (expression?.type !== "Identifier") return false;
          if (kind === "text" && expression.name === "quietMessages") return true;
          const init = initOf(context, element, expression.name);
          return init?.type === "CallExpression" && init.callee.type === "Identifier" && init.callee.name === "useQuietGroupMessages";
        };
        return {
          ImportDeclaration(node) {
            const component = /^@codegouvfr\/react-dsfr\/(\w+)$/.exec(node.source.value)?.[1];
            if (!DSFR_FIELDS[component]) return;
            for (const specifier of node.specifiers)
              if (specifier.type === "ImportSpecifier" && specifier.imported.name === component)
                kinds.set(specifier.local.name, DSFR_FIELDS[component]);
          },
          JSXOpeningElement(element) {
            const kind = element.name.type === "JSXIdentifier" ? kinds.get(element.name.name) : undefined;
            if (!kind || !showsMessage(element) || isQuiet(element, kind)) return;
            context.report({
              node: element,
              messageId: "loud",
              data: {
                field: element.name.name,
                fix: kind === "text" ? "ref={quietMessages}" : "ref={useQuietGroupMessages(message)}",
              },
            });
          },
        };
      },
    },
  },
};

/**
 * A DSFR alert takes a role of its own (alert, or status for a success or an information): inside a
 * live region (aria-live, role alert or status), or in a wrapper given the focus (tabIndex, a ref
 * other than a form's, which finds its fields, FocusOnArrival), a screen reader says its message twice (RGAA 7.5, WCAG 4.1.3). `said-once`: such an
 * alert says how it is said, `role={undefined}` (react-dsfr then sets no role), or it is
 * components/forms/submit-result-alert.tsx. Its message is said by the region or by the focus.
 * A server component's `role={undefined}` never reaches react-dsfr (an undefined prop is dropped on
 * its way to the browser): there, it is components/forms/quiet-alert.tsx.
 */
const LIVE_ROLES = new Set(["alert", "status", "log"]);

/** The attribute `name` of a JSX element, if written there. */
function attributeOf(element, name) {
  return element.attributes.find((attribute) => attribute.type === "JSXAttribute" && attribute.name.name === name);
}

/** Whether a JSX element announces what it holds, or is given the focus. */
function announces(element) {
  if (element.name.type === "JSXIdentifier" && element.name.name === "FocusOnArrival") return true;
  if (attributeOf(element, "aria-live") || attributeOf(element, "tabIndex")) return true;
  if (attributeOf(element, "ref") && !(element.name.type === "JSXIdentifier" && element.name.name === "form")) return true;
  const role = attributeOf(element, "role")?.value;
  return role?.type === "Literal" && LIVE_ROLES.has(role.value);
}

const alerts = {
  rules: {
    "said-once": {
      meta: {
        type: "problem",
        schema: [],
        messages: {
          twice:
            "<{{alert}}> sits in a live region or a place given the focus, which says it already: give it role={undefined} (in a server component, use QuietAlert, components/forms/quiet-alert.tsx).",
          server:
            "A server component's role={undefined} never reaches react-dsfr, which sets the alert's role: use QuietAlert (components/forms/quiet-alert.tsx).",
        },
      },
      create(context) {
        const names = new Set();
        const isClient = context.sourceCode.ast.body.some((node) => node.type === "ExpressionStatement" && node.directive === "use client");
        return {
          ImportDeclaration(node) {
            if (node.source.value !== "@codegouvfr/react-dsfr/Alert") return;
            for (const specifier of node.specifiers)
              if (specifier.type === "ImportSpecifier" && specifier.imported.name === "Alert") names.add(specifier.local.name);
          },
          JSXOpeningElement(element) {
            if (element.name.type !== "JSXIdentifier" || !names.has(element.name.name)) return;
            const role = attributeOf(element, "role");
            if (role) {
              const expression = role.value?.type === "JSXExpressionContainer" ? role.value.expression : null;
              if (!isClient && expression?.type === "Identifier" && expression.name === "undefined")
                context.report({ node: element, messageId: "server" });
              return;
            }
            for (let node = element.parent.parent; node; node = node.parent) {
              if (node.type !== "JSXElement") continue;
              if (announces(node.openingElement)) {
                context.report({ node: element, messageId: "twice", data: { alert: element.name.name } });
                return;
              }
            }
          },
        };
      },
    },
  },
};

/**
 * `pages/titled-refusal`: a page that may refuse its viewer with the 404 page exports no static
 * `metadata`. Next.js resolves a static `metadata` before the page answers, so the refused viewer
 * would read the page's own title over « Page non trouvée » (RGAA 8.6, ADR 0031): the page takes a
 * `generateMetadata` that awaits its guarded load, `guardedTitledPage(path, title, load)` for a
 * fixed title. A page refuses when it imports what answers 404 or throws a refusal (below); a page
 * anyone may open, or one that only asks a visitor to sign in (`requireViewer`), keeps its `metadata`.
 */
const REFUSALS = {
  "next/navigation": /^(notFound|forbidden|unauthorized)$/,
  "@/lib/http/page-guard": /^guard/,
  "@/lib/http/route-params": /^pageParams$/,
  "@/lib/access/policy": /^(require|authorize)/,
  "@/lib/campaigns/wave-board-page": /^waveBoardPage$/,
};

const pages = {
  rules: {
    "titled-refusal": {
      meta: {
        type: "problem",
        schema: [],
        messages: {
          static:
            "This page may answer with the 404 page ({{refusal}}), over which a static `metadata` would keep its title: export the `generateMetadata` of guardedTitledPage(path, title, load) (lib/http/page-guard.ts, ADR 0031).",
        },
      },
      create(context) {
        const refusals = [];
        const metadataExports = [];
        return {
          ImportDeclaration(node) {
            const names = REFUSALS[node.source.value];
            if (!names || node.importKind === "type") return;
            for (const specifier of node.specifiers)
              if (specifier.type === "ImportSpecifier" && specifier.importKind !== "type" && names.test(specifier.imported.name))
                refusals.push(specifier.imported.name);
          },
          ExportNamedDeclaration(node) {
            const declared = node.declaration?.type === "VariableDeclaration" ? node.declaration.declarations.map((d) => d.id) : [];
            const exported = node.specifiers.map((specifier) => specifier.exported);
            for (const name of [...declared, ...exported])
              if (name.type === "Identifier" && name.name === "metadata") metadataExports.push(name);
          },
          "Program:exit"() {
            if (refusals.length === 0) return;
            for (const node of metadataExports) context.report({ node, messageId: "static", data: { refusal: refusals.join(", ") } });
          },
        };
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
    files: ["app/**", "components/**"],
    plugins: { fields, alerts },
    rules: { "fields/quiet-messages": "error", "alerts/said-once": "error" },
  },
  {
    files: ["app/**/page.tsx"],
    plugins: { pages },
    rules: { "pages/titled-refusal": "error" },
  },
  {
    files: ["app/**", "components/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "JSXAttribute[name.name='download']",
          message:
            "No `download` attribute: the browser would save a refusal's JSON as the file. The route's Content-Disposition downloads the file, and a refusal shows a page (lib/http/failed-download.ts).",
        },
      ],
    },
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
