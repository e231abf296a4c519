import { readdirSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

// `server-only` (on the database client) throws outside React's server build; tests run use cases
// in plain Node, as scripts do through tsconfig.json's paths.
const alias = [
  { find: /^@\//, replacement: `${path.resolve(import.meta.dirname)}/` },
  { find: /^server-only$/, replacement: path.resolve(import.meta.dirname, "node_modules/server-only/empty.js") },
];

/**
 * Workers of the unit and integration runs (one group: the same number for both). Vitest's default
 * leaves a core to its main process, which has little to do here: on a two-core machine that was one
 * worker. Each integration worker has a database of its own (test/integration/global-setup.ts).
 * TEST_WORKERS sets fewer for a run beside other work (npm test's pass on TEST_DATABASE_URL).
 */
const WORKERS = Number(process.env.TEST_WORKERS) || Math.max(2, availableParallelism());

/**
 * The integration test files that replace a module (`vi.mock`): each needs a module graph of its
 * own, or its stand-in would leak into the files run after it in the worker. The others share their
 * worker's (`isolate: false`), which spares importing the app again for each file: the embedded
 * run took 140 s instead of 227 s, its imports 16 s instead of 96 s (measured).
 */
const INTEGRATION = "**/*.int.test.ts";
const MOCKING_INTEGRATION_FILES = integrationFiles(".").filter((file) => /\bvi\.(mock|doMock)\(/.test(readFileSync(file, "utf8")));

function integrationFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const entryPath = path.join(folder, entry.name);
    if (entry.isDirectory()) return ["node_modules", ".next", ".git"].includes(entry.name) ? [] : integrationFiles(entryPath);
    return entry.name.endsWith(".int.test.ts") ? [entryPath] : [];
  });
}

/** Integration tests, on a database per worker (test/integration/global-setup.ts), in two projects (see above). */
const integration = (name: string, files: { include: string[]; exclude: string[] }, isolate: boolean) => ({
  resolve: { alias },
  test: {
    name,
    environment: "node",
    include: files.include,
    exclude: ["node_modules/**", ".next/**", ...files.exclude],
    isolate,
    globalSetup: ["test/integration/global-setup.ts"],
    setupFiles: ["test/integration/worker-storage.ts"],
    // The logs of expected failures (jobs made to fail, outages) would drown the report.
    env: { LOG_LEVEL: "fatal" },
    maxWorkers: WORKERS,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          environment: "node",
          maxWorkers: WORKERS,
          include: ["lib/**/*.test.ts", "components/**/*.test.ts", "scripts/**/*.test.ts", "prisma/**/*.test.ts", "test/lint/**/*.test.ts"],
          exclude: ["**/*.int.test.ts"],
        },
      },
      integration("integration", { include: [INTEGRATION], exclude: MOCKING_INTEGRATION_FILES }, false),
      integration("integration-mocking", { include: MOCKING_INTEGRATION_FILES, exclude: [] }, true),
      {
        resolve: { alias },
        test: {
          // Several app processes on a PostgreSQL server the tests start themselves (test/system).
          name: "system",
          environment: "node",
          include: ["test/system/**/*.system.test.ts"],
          globalSetup: ["test/system/global-setup.ts"],
          fileParallelism: false,
          testTimeout: 240_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
