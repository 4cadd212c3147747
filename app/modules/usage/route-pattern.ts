/**
 * Usage data names a page by its route pattern (/w/:slug/risks), never by its address: an address carries
 * workspace slugs, item ids and, in a query or an invitation path, tokens (docs/decisions/013).
 */

/** A Remix flat-route id (`routes/w.$slug.risks._index`) as the pattern it serves (`/w/:slug/risks`). */
export function routePattern(routeId: string): string {
  if (routeId === "root") return "/";
  const file = routeId.replace(/^routes\//, "").replace(/\/route$/, "");
  const segments: string[] = [];
  for (const raw of splitSegments(file)) {
    // `_index` is the index route; a leading `_` is a pathless layout; a trailing `_` opts out of nesting.
    if (raw === "_index" || raw.startsWith("_")) continue;
    const segment = raw.replace(/_$/, "");
    const optional = /^\(.*\)$/.test(segment);
    const inner = optional ? segment.slice(1, -1) : segment;
    const named = inner === "$" ? "*" : inner.startsWith("$") ? `:${inner.slice(1)}` : inner;
    segments.push(named.replace(/\[([^\]]*)\]/g, "$1") + (optional ? "?" : ""));
  }
  return `/${segments.join("/")}`;
}

/** Splits on the dots that separate segments, keeping the escaped ones (`risks[.csv]`). */
function splitSegments(file: string): string[] {
  const segments: string[] = [];
  let current = "";
  let escaped = false;
  for (const character of file) {
    if (character === "[") escaped = true;
    if (character === "]") escaped = false;
    if (character === "." && !escaped) {
      segments.push(current);
      current = "";
    } else current += character;
  }
  segments.push(current);
  return segments.filter(Boolean);
}

/**
 * A request path with its parameter values put back as names, for errors, where only the address and the
 * matched params are known: `/w/acme/risks/42` with `{ slug: "acme", id: "42" }` is `/w/:slug/risks/:id`.
 * Single-fetch data requests (`/w/acme/risks.data`, `/_root.data`) name the page they load.
 */
export function patternFromPath(pathname: string, params: Readonly<Record<string, string | undefined>>): string {
  const path = pathname.replace(/\/_root\.data$/, "/").replace(/\.data$/, "");
  const names = new Map<string, string>();
  for (const [name, value] of Object.entries(params)) {
    if (value && name !== "*") names.set(value, `:${name}`);
  }
  const splat = params["*"];
  const segments = path
    .split("/")
    .filter(Boolean)
    .map((segment) => {
      // Each name is used once, so a slug that happens to equal a later literal segment stays apart.
      const name = names.get(safeDecode(segment));
      names.delete(safeDecode(segment));
      return name ?? segment;
    });
  const pattern = `/${segments.join("/")}`;
  if (!splat) return pattern;
  const prefix = segments.slice(0, segments.length - splat.split("/").filter(Boolean).length);
  return `/${[...prefix, "*"].join("/")}`;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
