import { BlockList, isIPv4 } from "node:net";

const loopback = new BlockList();
loopback.addSubnet("127.0.0.0", 8, "ipv4");
loopback.addAddress("::1", "ipv6");

/** Whether a socket's remote address is this machine's loopback (127.0.0.0/8 or ::1, also as ::ffff:127.x.y.z). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const mapped = address.toLowerCase().startsWith("::ffff:") ? address.slice("::ffff:".length) : null;
  if (mapped && isIPv4(mapped)) return loopback.check(mapped, "ipv4");
  if (isIPv4(address)) return loopback.check(address, "ipv4");
  return address === "::1" || (address.includes(":") && loopback.check(address, "ipv6"));
}

/**
 * Whether a Host header names this machine: localhost, a loopback address, or APP_URL's own host. A page
 * of another site whose name was made to resolve to 127.0.0.1 (DNS rebinding) sends its own name instead.
 */
export function isLocalHostName(host: string | null, appUrl: URL): boolean {
  // A name or an address and a port, as browsers send it: nothing a URL parser could read another host out of.
  if (!host || !/^([a-z0-9.-]+|\[[0-9a-f:.]+\])(:\d{1,5})?$/i.test(host) || !URL.canParse(`http://${host}`)) return false;
  const hostname = new URL(`http://${host}`).hostname.toLowerCase();
  if (hostname === appUrl.hostname.toLowerCase() || hostname === "localhost" || hostname.endsWith(".localhost")) return true;
  return isLoopbackAddress(hostname.replace(/^\[(.*)\]$/, "$1"));
}
