// The route table the Remix compiler built from app/routes, the one requests are matched against. A
// virtual module: it exists only inside the server build, so only entry points import this file.
import { routes } from "@remix-run/dev/server-build";
import { routePattern } from "./route-pattern";

/** The pattern of one of this app's routes (`routes/w.$slug.risks._index` → `/w/:slug/risks`); null for an id it does not have. */
export function pagePattern(routeId: string): string | null {
  return routePattern(routes, routeId);
}
