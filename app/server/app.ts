import { randomUUID } from "node:crypto";
import { resolve } from "node:path";
import type { AppLoadContext, ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type ErrorRequestHandler, type RequestHandler } from "express";
import { sql } from "kysely";
import { isDatabaseUnreachable } from "../../db/connection-errors";
import type { Database } from "../../db/database";
import type { Mailer } from "../services/email.server";
import type { Config } from "../services/env.server";
import type { JobQueue } from "../services/jobs/queue.server";
import { loggablePath, type Logger } from "../services/logger.server";
import { readSessionToken, sessionCookie, validateSessionToken } from "../services/session.server";
import { policyCheck } from "./policy-check";
import { createRequestHandler } from "./remix-handler";
import { requestBodyGuard } from "./request-body";
import { answeringRouteErrors } from "./route-errors";
import { originCheck, securityHeaders, setContentSecurityPolicy } from "./security";

export interface AppDependencies {
  build: ServerBuild | (() => Promise<ServerBuild>);
  db: Database;
  config: Config;
  logger: Logger;
  mailer: Mailer;
  /** Background jobs (pg-boss); absent where none run, and enqueuing then answers 503. */
  jobs?: JobQueue | null;
  publicDir?: string;
}

export function createApp({ build, db, config, logger, mailer, jobs = null, publicDir = resolve("public") }: AppDependencies) {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", config.trustProxy);

  app.use(requestLogging(logger));
  app.use(securityHeaders(config));
  app.use(requestBodyGuard);

  app.get("/healthz", (_req, res) => void res.json({ status: "ok" }));
  app.get("/readyz", async (_req, res) => {
    try {
      await sql`select 1`.execute(db);
      res.json({ status: "ready" });
    } catch (error) {
      res.locals.log.warn({ err: error }, "readiness check failed: database unreachable");
      res.status(503).json({ status: "unavailable", reason: "database unreachable" });
    }
  });

  app.use(compression());
  // Remix fingerprints everything under /build, so it can be cached for good.
  app.use("/build", express.static(resolve(publicDir, "build"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(publicDir, { maxAge: "1h" }));

  app.use(originCheck(config));
  app.use(sessionLookup(db, config));
  app.use(policyCheck);

  app.all(
    "*",
    createRequestHandler({
      build: answeringRouteErrors(build),
      mode: config.mode === "production" ? "production" : "development",
      getLoadContext: (req, res): AppLoadContext => ({
        db,
        config,
        mailer,
        jobs,
        logger: res.locals.log,
        requestId: res.locals.requestId,
        nonce: res.locals.nonce,
        ip: req.ip ?? "unknown",
        socketAddress: req.socket.remoteAddress ?? "",
        auth: res.locals.auth ?? null,
        pendingTwoFactor: res.locals.pendingTwoFactor ?? null,
        databaseUnreachable: res.locals.databaseUnreachable ?? false,
      }),
    }),
  );
  app.use(errorHandler);
  return app;
}

/** One JSON line per request, tagged with a request id. Only the path is logged: queries may carry tokens. */
function requestLogging(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const incoming = req.get("x-request-id");
    const requestId = incoming && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    const started = process.hrtime.bigint();
    res.locals.requestId = requestId;
    res.locals.log = logger.child({ requestId });
    res.setHeader("X-Request-Id", requestId);
    res.on("finish", () => {
      res.locals.log.info(
        {
          method: req.method,
          path: loggablePath(req.path),
          status: res.statusCode,
          ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
        },
        "request",
      );
    });
    next();
  };
}

/** Resolves the session cookie once per request; loaders read it from the context. */
function sessionLookup(db: Database, config: Config): RequestHandler {
  return async (req, res, next) => {
    try {
      const token = readSessionToken(req.get("cookie"));
      const session = token ? await validateSessionToken(db, token) : null;
      // A session waiting for its second factor is kept apart, so no `context.auth` check can let it in.
      res.locals.pendingTwoFactor = session?.session.twoFactorPending ? session : null;
      const auth = session?.session.twoFactorPending ? null : session;
      res.locals.auth = auth;
      if (auth?.user.ai_endpoints.length) setContentSecurityPolicy(res, res.locals.nonce, auth.user.ai_endpoints);
      if (auth?.refreshed && token) res.append("Set-Cookie", sessionCookie(token, auth.session.expiresAt, config.secure));
      next();
    } catch (error) {
      if (!isDatabaseUnreachable(error)) return next(error);
      // Whether this is a signed-in person is unknown: every loader and action answers 503 (route-errors.ts).
      res.locals.log.warn({ err: error }, "database unreachable");
      res.locals.databaseUnreachable = true;
      next();
    }
  };
}

const errorHandler: ErrorRequestHandler = (error, _req, res, _next) => {
  res.locals.log?.error({ err: error }, "unhandled error");
  if (res.headersSent) return;
  res
    .status(500)
    .type("text/plain")
    .send(`Something went wrong on our side. Reference: ${res.locals.requestId ?? "unknown"}`);
};
