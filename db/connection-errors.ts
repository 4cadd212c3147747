// SQLSTATEs PostgreSQL sends when it ends or refuses sessions: a fast shutdown or a restart (57P01
// admin_shutdown), a crash of another backend (57P02 crash_shutdown), starting up, recovering or shutting
// down (57P03 cannot_connect_now). Class 08 is "connection exception".
const SERVER_GOING_AWAY = new Set(["57P01", "57P02", "57P03"]);

// What the operating system reports when nothing answers at the server's address or the link breaks.
const NETWORK_FAILURES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN"]);

// node-postgres reports a socket that closed, a client that lost its connection earlier, and a pool that
// could not connect in time with plain errors that carry no code.
const DRIVER_MESSAGES = [/^Connection terminated/, /^Client has encountered a connection error/, /^timeout exceeded when trying to connect/];

/**
 * Whether an error means that PostgreSQL could not be reached or dropped the connection (a restart, a
 * failover, a crash), rather than refusing a query. Such a failure passes by itself: the pool opens new
 * connections once the server is back. Looks through `cause` and AggregateError (Node reports a refused
 * connection to each address of a host name that way).
 */
export function isDatabaseUnreachable(error: unknown): boolean {
  return unreachable(error, 0);
}

function unreachable(error: unknown, depth: number): boolean {
  // A cause chain is short; the bound only keeps a cyclic one from looping for ever.
  if (!(error instanceof Error) || depth > 8) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && (SERVER_GOING_AWAY.has(code) || code.startsWith("08") || NETWORK_FAILURES.has(code))) return true;
  if (DRIVER_MESSAGES.some((pattern) => pattern.test(error.message))) return true;
  if (error instanceof AggregateError && error.errors.some((inner) => unreachable(inner, depth + 1))) return true;
  return unreachable(error.cause, depth + 1);
}
