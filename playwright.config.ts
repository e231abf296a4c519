import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

import {
  E2E_AUTH_SECRET,
  E2E_BASE_URL,
  E2E_DB_PORT,
  E2E_EXPORT_THRESHOLD,
  E2E_PORT,
  E2E_PSC_CLIENT_ID,
  E2E_PSC_CLIENT_SECRET,
  E2E_PSC_PORT,
  E2E_STORAGE_DIR,
} from "./e2e/fixtures/environment";

/**
 * The test process writes files too, through the app's own functions (a factory that declares
 * results stores the declaration's PDF): into the server's storage, or the server answers 404 for
 * them. Set here, before the workers start, so that they inherit it.
 */
process.env.STORAGE_DIR = E2E_STORAGE_DIR;

/** WebAuthn needs a secure context: localhost is one. */
const BASE_URL = E2E_BASE_URL;

/** Debian's Chromium (Playwright cannot download its own browsers on these machines). */
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** The spec files that must run with no other file beside them (see `projects`). */
const ALONE = ["client-address", "dsfr-behaviours", "links", "passkeys", "waves"].map((name) => `**/${name}.spec.ts`);

const chromiumUse = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: existsSync(chromium) ? chromium : undefined,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  },
};

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL: BASE_URL,
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    // A trace records every action's DOM and screenshots, for every test: the e2e run took about a
    // third longer with it (measured). Kept for local runs; `.ci/run` sets E2E_TRACE=off, where a
    // clean clone's traces are thrown away with it and the report's error context remains.
    trace: process.env.E2E_TRACE === "off" ? "off" : "retain-on-failure",
    screenshot: "only-on-failure",
  },
  // Two sets of spec files. `npm test` runs « alone » on one worker, then « side-by-side » on two
  // when the database is a PostgreSQL server (the embedded one takes one statement at a time). The
  // « alone » files depend on what others would change beside them: the per-address sign-in limit
  // they fill (client-address), lists over every dossier or establishment (dsfr-behaviours' last
  // page, links' walk from each list's first rows, waves' 100 latest e-mails), the latest audit
  // event of anyone (passkeys). Everything else makes and reads its own data (test/factories).
  projects: [
    { name: "alone", testMatch: ALONE, use: chromiumUse },
    { name: "side-by-side", testIgnore: ALONE, use: chromiumUse },
  ],
  webServer: [
    {
      command: "npx tsx e2e/oidc/psc-provider.ts",
      url: `http://localhost:${E2E_PSC_PORT}/.well-known/openid-configuration`,
      timeout: 60_000,
      reuseExistingServer: false,
    },
    {
      command: "npx tsx scripts/e2e-server.ts",
      url: `${BASE_URL}/api/health`,
      timeout: 300_000,
      reuseExistingServer: false,
      // Its database on a PostgreSQL server outlives it unless it drops it (scripts/e2e-server.ts).
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
      stdout: "pipe",
      stderr: "pipe",
      env: {
        PORT: String(E2E_PORT),
        E2E_DB_PORT: String(E2E_DB_PORT),
        APP_URL: BASE_URL,
        AUTH_SECRET: E2E_AUTH_SECRET,
        PSC_ISSUER: `http://localhost:${E2E_PSC_PORT}`,
        PSC_CLIENT_ID: E2E_PSC_CLIENT_ID,
        PSC_CLIENT_SECRET: E2E_PSC_CLIENT_SECRET,
        STORAGE_DIR: E2E_STORAGE_DIR,
        EXPORT_BACKGROUND_THRESHOLD: String(E2E_EXPORT_THRESHOLD),
        // Every test signs in from 127.0.0.1: the per-address limits are tested on their own.
        RATE_LIMIT_PER_IP_SCALE: "50",
        // A line per request would bury the report; warnings and errors still show.
        LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? "warn",
      },
    },
  ],
});
