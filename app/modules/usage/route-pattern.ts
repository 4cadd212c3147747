/**
 * Usage data names a page by its route pattern (/w/:slug/risks), never by its address: an address carries
 * workspace slugs, item ids and, in a query or an invitation path, tokens (docs/decisions/013).
 */

/** What a pattern is built from in a Remix route manifest: the server build's `routes`, or the assets manifest's. */
export type RouteManifest = Readonly<Record<string, { path?: string; parentId?: string } | undefined>>;

/**
 * The pattern a route serves (`/w/:slug/risks/:id`): its own path after its parents', as Remix joins them
 * to match a request, so index routes, pathless layouts, escapes and splats read as Remix reads them.
 * Null for an id the manifest does not have.
 */
export function routePattern(routes: RouteManifest, routeId: string): string | null {
  if (!routes[routeId]) return null;
  const segments: string[] = [];
  for (let route: RouteManifest[string] = routes[routeId]; route; route = route.parentId ? routes[route.parentId] : undefined) {
    if (route.path) segments.unshift(...route.path.split("/").filter(Boolean));
  }
  return `/${segments.join("/")}`;
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
