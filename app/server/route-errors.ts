import { data, type ActionFunctionArgs, type AppLoadContext, type LoaderFunctionArgs, type ServerBuild } from "@remix-run/node";
import { isDatabaseUnreachable } from "../../db/connection-errors";
import { isIntegrationError, type IntegrationError } from "../../integrations/types";
import { providerName } from "../modules/integrations/providers.server";
import { databaseUnreachable } from "../services/database-outage.server";
import { AppError, isAppError, type ErrorPayload } from "../services/errors.server";

type Build = ServerBuild | (() => Promise<ServerBuild>);
type DataFunction = (args: LoaderFunctionArgs & ActionFunctionArgs) => unknown;

/**
 * The one place where an error a loader or action throws becomes an answer (docs/decisions/020-one-error-contract.md):
 * - a lost database, thrown now or met by the session lookup before (`context.databaseUnreachable`), answers
 *   503 "Database unreachable", and the request is marked so that the answer gets Retry-After (app/entry.server.tsx);
 * - an AppError answers its status, title and message, which the shared error boundary shows;
 * - an IntegrationError answers as the provider's refusal: 429 while it limits requests, 502 otherwise;
 * - anything else (a redirect, data, a bug) passes through untouched, and so does an AppError of status 500,
 *   which is a failure of ours like a bug: Remix answers 500, and entry.server's handleError logs it and
 *   counts it under the request id that the error page shows as its reference.
 */
export function answeringRouteErrors(build: Build): Build {
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
    // The session lookup has logged the outage already.
    if (args.context.databaseUnreachable) throw answer(databaseUnreachable());
    try {
      return await run(args);
    } catch (error) {
      throw answerFor(error, args.context);
    }
  };
  return guarded as Run;
}

/** What the route throws instead of `error`: Remix renders it with the route's error boundary, or sends it as data. */
function answerFor(error: unknown, context: AppLoadContext): unknown {
  // Typed errors first: a provider that cannot be reached fails with the same network codes as a database.
  const refusal = isAppError(error) ? error : isIntegrationError(error) ? providerRefusal(error) : null;
  if (refusal && refusal.status !== 500) {
    // Another party failed (a provider, the job queue): worth a line in the log, though not an error of ours.
    if (refusal.status > 500) context.logger.warn({ err: refusal }, "request refused");
    return answer(refusal);
  }
  if (isDatabaseUnreachable(error)) {
    context.databaseUnreachable = true;
    context.logger.warn({ err: error }, "database unreachable");
    return answer(databaseUnreachable(error));
  }
  return error;
}

function answer(error: AppError) {
  return data<ErrorPayload>({ title: error.title, message: error.message }, { status: error.status });
}

/** A provider's refusal that no page chose to show in a form: its message, under the provider's name. */
function providerRefusal(error: IntegrationError): AppError {
  const name = providerName(error.provider);
  if (error.kind === "rate-limited") return new AppError(429, `${name} is limiting requests`, error.message, { cause: error });
  if (error.kind === "unreachable") return new AppError(502, `${name} did not answer`, error.message, { cause: error });
  return new AppError(502, `${name} said no`, error.message, { cause: error });
}
