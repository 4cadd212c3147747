import { execFileSync } from "node:child_process";

/** The ports the e2e harness listens on, each overridable with its environment variable. */
export const PORT_VARIABLES = [
  "E2E_APP_PORT",
  "E2E_MAILBOX_PORT",
  "E2E_OIDC_PORT",
  "E2E_SLACK_PORT",
  "E2E_ATLASSIAN_PORT",
  "E2E_NOTION_PORT",
] as const;

export type PortVariable = (typeof PORT_VARIABLES)[number];

// Runs in a child process because Playwright reads its configuration synchronously: each server
// takes a port the system chooses, and all are released together once every one is known.
const FIND_FREE_PORTS = `
const net = require("node:net");
const count = Number(process.argv[1]);
const servers = Array.from({ length: count }, () => net.createServer());
Promise.all(servers.map((server) => new Promise((listening) => server.listen(0, "127.0.0.1", listening))))
  .then(() => {
    process.stdout.write(servers.map((server) => server.address().port).join(" "));
    servers.forEach((server) => server.close());
  });
`;

/**
 * Gives every harness port a value in `process.env`, keeping those already set: free ports chosen
 * by the system, so a run never collides with another program (or another run) on the machine.
 * Called from playwright.config.ts in the runner; the webServer and the test workers inherit the
 * environment, so they all see the same ports.
 */
export function assignE2ePorts(): Record<PortVariable, number> {
  const missing = PORT_VARIABLES.filter((name) => !process.env[name]);
  if (missing.length > 0) {
    const free = execFileSync(process.execPath, ["-e", FIND_FREE_PORTS, String(missing.length)], { encoding: "utf8" })
      .trim()
      .split(" ");
    missing.forEach((name, index) => (process.env[name] = free[index]));
  }
  return Object.fromEntries(PORT_VARIABLES.map((name) => [name, Number(process.env[name])])) as Record<PortVariable, number>;
}
