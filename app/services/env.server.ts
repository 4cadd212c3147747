import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { z } from "zod";

const base64Key = z
  .string()
  .refine((value) => Buffer.from(value, "base64").length === 32, "must be 32 bytes, base64-encoded (openssl rand -base64 32)");

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().min(1).default("0.0.0.0"),
    APP_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://bearing.example.com" }).optional(),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// connection string")
      .optional(),
    DATA_DIR: z.string().min(1).default(".data"),
    SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    ENCRYPTION_MASTER_KEY: base64Key.optional(),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL such as smtps://user:pass@smtp.example.com")
      .optional(),
    EMAIL_FROM: z.string().min(3).default("Bearing <no-reply@bearing.localhost>"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    TRUST_PROXY: z
      .enum(["true", "false"])
      .default("false")
      .transform((value) => value === "true"),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== "production") return;
    for (const name of ["SESSION_SECRET", "ENCRYPTION_MASTER_KEY", "SMTP_URL", "APP_URL"] as const) {
      if (!env[name]) ctx.addIssue({ code: "custom", path: [name], message: "is required in production" });
    }
  });

export interface Config {
  mode: "development" | "production" | "test";
  port: number;
  host: string;
  appUrl: URL;
  databaseUrl: string | undefined;
  dataDir: string;
  sessionSecret: string;
  encryptionMasterKey: Uint8Array;
  smtpUrl: string | undefined;
  emailFrom: string;
  logLevel: string;
  trustProxy: boolean;
  /** Secure cookies and HSTS: on in production. */
  secure: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/**
 * Reads and validates the environment. Outside production, missing secrets are generated once and
 * kept in DATA_DIR/secrets.json, so `npm start` works on a fresh machine and keeps sessions across restarts.
 */
export function loadConfig(environment: Record<string, string | undefined> = process.env): Config {
  const blanksRemoved = Object.fromEntries(Object.entries(environment).filter(([, value]) => value !== ""));
  const parsed = schema.safeParse(blanksRemoved);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  const env = parsed.data;
  const dataDir = resolve(env.DATA_DIR);
  const secrets =
    env.SESSION_SECRET && env.ENCRYPTION_MASTER_KEY
      ? { sessionSecret: env.SESSION_SECRET, encryptionMasterKey: env.ENCRYPTION_MASTER_KEY }
      : { ...developmentSecrets(dataDir), ...definedSecrets(env) };

  return {
    mode: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    appUrl: new URL(env.APP_URL ?? `http://localhost:${env.PORT}`),
    databaseUrl: env.DATABASE_URL,
    dataDir,
    sessionSecret: secrets.sessionSecret,
    encryptionMasterKey: new Uint8Array(Buffer.from(secrets.encryptionMasterKey, "base64")),
    smtpUrl: env.SMTP_URL,
    emailFrom: env.EMAIL_FROM,
    logLevel: env.LOG_LEVEL,
    trustProxy: env.TRUST_PROXY,
    secure: env.NODE_ENV === "production",
  };
}

function definedSecrets(env: { SESSION_SECRET?: string; ENCRYPTION_MASTER_KEY?: string }) {
  return Object.fromEntries(
    Object.entries({ sessionSecret: env.SESSION_SECRET, encryptionMasterKey: env.ENCRYPTION_MASTER_KEY }).filter(
      ([, value]) => value,
    ),
  );
}

function developmentSecrets(dataDir: string): { sessionSecret: string; encryptionMasterKey: string } {
  const file = join(dataDir, "secrets.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8"));
  const secrets = {
    sessionSecret: randomBytes(32).toString("base64url"),
    encryptionMasterKey: randomBytes(32).toString("base64"),
  };
  mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
