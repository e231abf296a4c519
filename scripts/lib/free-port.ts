import { createServer, type Server } from "node:net";

function listenAnywhere(): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, () => resolve(server));
  });
}

/** `count` distinct TCP ports nothing listens on right now (the system picks them), on every interface. */
export async function freePorts(count: number): Promise<number[]> {
  // Held open together, so the system cannot hand out the same port twice.
  const servers = await Promise.all(Array.from({ length: count }, listenAnywhere));
  const ports = servers.map((server) => (server.address() as { port: number }).port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

const E2E_PORT_VARIABLES = ["E2E_PORT", "E2E_DB_PORT", "E2E_PSC_PORT"] as const;

/**
 * The ports of the end-to-end servers (the app, its embedded database, the local OpenID
 * provider): the ones set in the environment, otherwise free ones, so that `npm test` does not
 * fail because another program (or another checkout's test run) holds a fixed port.
 */
export async function e2ePorts(
  environment: Record<string, string | undefined>,
): Promise<Record<(typeof E2E_PORT_VARIABLES)[number], string>> {
  const free = await freePorts(E2E_PORT_VARIABLES.length);
  return Object.fromEntries(E2E_PORT_VARIABLES.map((name, index) => [name, environment[name] || String(free[index])])) as Record<
    (typeof E2E_PORT_VARIABLES)[number],
    string
  >;
}
