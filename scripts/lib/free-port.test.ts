import { createServer, type Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { e2ePorts } from "./free-port";

const held: Server[] = [];
afterEach(async () => {
  await Promise.all(held.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

function hold(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(port, () => resolve());
    held.push(server);
  });
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, () => server.close(() => resolve(true)));
  });
}

describe("end-to-end ports", () => {
  it("takes free ports when none are set, whatever holds the former defaults", async () => {
    await hold(3100).catch(() => {}); // another program (or another run) on the old fixed port
    const ports = await e2ePorts({});
    const chosen = Object.values(ports).map(Number);
    expect(new Set(chosen).size).toBe(3);
    for (const port of chosen) {
      expect(port).not.toBe(3100);
      expect(await canListen(port)).toBe(true);
    }
  });

  it("keeps the ports set in the environment", async () => {
    expect(await e2ePorts({ E2E_PORT: "3140", E2E_DB_PORT: "55472", E2E_PSC_PORT: "3240" })).toEqual({
      E2E_PORT: "3140",
      E2E_DB_PORT: "55472",
      E2E_PSC_PORT: "3240",
    });
  });
});
