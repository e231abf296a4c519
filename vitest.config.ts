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
      {
        resolve: { alias },
        test: {
          name: "integration",
          environment: "node",
          include: ["**/*.int.test.ts"],
          exclude: ["node_modules/**", ".next/**"],
          globalSetup: ["test/integration/global-setup.ts"],
          setupFiles: ["test/integration/worker-storage.ts"],
          // The logs of expected failures (jobs made to fail, outages) would drown the report.
          env: { LOG_LEVEL: "fatal" },
          maxWorkers: WORKERS,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
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
