import type { ActionFunctionArgs, LoaderFunctionArgs, ServerBuild } from "@remix-run/node";
import { isDatabaseUnreachable } from "../../db/connection-errors";
import { AppError } from "./errors.server";

/** Seconds a client is told to wait before trying again (Retry-After): about what a restart or a failover takes. */
export const RETRY_AFTER_SECONDS = 10;

/**
 * What every page and form answers while PostgreSQL cannot be reached: 503 with the shared error page.
 * A form sent meanwhile may or may not have been saved (the connection can drop after the commit), so
 * the page says to look before sending it again.
 */
export function databaseUnreachable(cause?: unknown) {
  return new AppError(
    503,
    "Database unreachable",
    "Bearing cannot reach its database right now, so it can neither show this page nor save changes. What you saved before is safe. Try again in a minute; if you were saving something, check whether it arrived before you send it again.",
    { cause },
  );
}

type Build = ServerBuild | (() => Promise<ServerBuild>);
type DataFunction = (args: LoaderFunctionArgs & ActionFunctionArgs) => unknown;

/**
 * The one place where a lost database becomes an answer: every loader and action of the build is run so
 * that a connection error it throws (or one the session lookup met before it, `context.databaseUnreachable`)
 * becomes the 503 page instead of a 500, and the request is marked so that the document gets Retry-After
 * (app/entry.server.tsx). Any other error passes through untouched.
 */
export function answeringDatabaseOutages(build: Build): Build {
  if (typeof build !== "function") return guardBuild(build);
  // Under `remix dev` the build changes on every rebuild: guard each one once.
  const guarded = new WeakMap<ServerBuild, ServerBuild>();
  return async () => {
    const current = await build();
    if (!guarded.has(current)) guarded.set(current, guardBuild(current));
    return guarded.get(current)!;
  };
}

function guardBuild(build: ServerBuild): ServerBuild {
  const routes = Object.fromEntries(
    Object.entries(build.routes).map(([id, route]) => {
      // Route modules are ES module namespaces, which cannot be changed: each gets a guarded copy.
      const module = { ...route!.module };
      if (module.loader) module.loader = guard(module.loader);
      if (module.action) module.action = guard(module.action);
      return [id, { ...route!, module }];
    }),
  );
  return { ...build, routes };
}

function guard<Run extends DataFunction>(run: Run): Run {
  const guarded: DataFunction = async (args) => {
    const { context } = args;
    if (context.databaseUnreachable) throw databaseUnreachable().respond();
    try {
      return await run(args);
    } catch (error) {
      if (!isDatabaseUnreachable(error)) throw error;
      context.databaseUnreachable = true;
      context.logger.warn({ err: error }, "database unreachable");
      throw databaseUnreachable(error).respond();
    }
  };
  return guarded as Run;
}
