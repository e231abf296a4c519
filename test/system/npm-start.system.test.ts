import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePorts } from "@/scripts/lib/free-port";
import { answering, collectLines } from "./app-process";
import { BrowserSession } from "./browser-session";

/**
 * The README's first command where nothing is set up: `npm start` without DATABASE_URL serves the
 * build on the embedded PostgreSQL, migrated and loaded with the demo data at the first start, and
 * prints one-time sign-in links that work. A restart keeps the data, the sessions and their secret.
 * The end-to-end tests run on a PostgreSQL server when one answers: this is the embedded path whole.
 */
type Start = { output: string[]; stop: () => Promise<void> };

describe("npm start on the embedded database", () => {
  let folder: string;
  let appUrl: string;
  let settings: Record<string, string>;
  let running: Start | undefined;

  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), "hospiconnect-npm-start-"));
    const [port, databasePort] = await freePorts(2);
    appUrl = `http://localhost:${port}`;
    settings = {
      PORT: String(port),
      APP_URL: appUrl,
      EMBEDDED_DB_DIR: path.join(folder, "pglite"),
      EMBEDDED_DB_PORT: String(databasePort),
      STORAGE_DIR: path.join(folder, "files"),
      DEMO_MODE: "true",
      LOG_LEVEL: "warn",
    };
  });

  afterAll(async () => {
    await running?.stop();
    await rm(folder, { recursive: true, force: true });
  });

  it("loads the demo once, signs a director in through a printed link, and keeps both across a restart", { timeout: 900_000 }, async () => {
    running = await npmStart(settings, appUrl);
    expect(running.output.join("\n")).toContain("Loading demo data");
    const ready = await fetch(`${appUrl}/api/health/ready`);
    expect(await ready.json()).toMatchObject({ status: "ready" });

    const director = printedLink(running.output, "Direction d'établissement");
    const linkPage = await fetch(director.link);
    expect(await linkPage.text()).toContain(`Ce lien à usage unique vous connecte en tant que <strong>${asHtml(director.name)}</strong>`);
    const browser = new BrowserSession();
    await browser.signInWithDemoLink(appUrl, new URL(director.link).pathname.split("/").pop()!);
    expect(browser.signedIn, running.output.slice(-10).join("\n")).toBe(true);
    const account = await browser.fetch(`${appUrl}/compte`);
    expect(account.status).toBe(200);
    expect(await account.text()).toContain(asHtml(director.name));

    await running.stop();
    running = await npmStart(settings, appUrl);
    expect(running.output.join("\n")).not.toContain("Loading demo data");
    // The same person, from the same data, in the session opened before the restart.
    expect(printedLink(running.output, "Direction d'établissement").name).toBe(director.name);
    const afterRestart = await browser.fetch(`${appUrl}/compte`);
    expect(afterRestart.status).toBe(200);
    expect(await afterRestart.text()).toContain(asHtml(director.name));
  });
});

/** `npm start` (scripts/start.ts) as one Node.js process, once it answers. */
async function npmStart(settings: Record<string, string>, appUrl: string): Promise<Start> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...settings },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = collectLines(child);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // The first start loads the demo data into the embedded database: a few minutes on a busy machine.
  await answering(appUrl, child, output, "npm start", 420_000);
  return {
    output,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

/** The sign-in link `npm start` printed for a role, and the name it printed beside it. */
function printedLink(output: string[], role: string): { name: string; link: string } {
  const index = output.findIndex((line) => line.trim().startsWith(`${role} – `));
  if (index < 0) throw new Error(`No link printed for « ${role} »:\n${output.join("\n")}`);
  const name = output[index]!.trim().slice(`${role} – `.length).replace(/:$/, "");
  const link = output.slice(index + 1).find((line) => line.trim().startsWith("http"));
  return { name, link: link!.trim() };
}

/** Text as React writes it into a page. */
function asHtml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#x27;");
}
