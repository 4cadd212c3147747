import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { isIP } from "node:net";
import { join, resolve } from "node:path";
import { z } from "zod";

const base64Key = z
  .string()
  .refine((value) => Buffer.from(value, "base64").length === 32, "must be 32 bytes, base64-encoded (openssl rand -base64 32)");

const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" });

// Express's `trust proxy`: how many proxies, or which addresses, may tell us the client's address. Any
// other client can write X-Forwarded-For too; only what our own proxies appended counts.
const PROXY_NAMES = new Set(["loopback", "linklocal", "uniquelocal"]);
const trustProxy = z.string().transform((value, ctx): TrustProxy => {
  const setting = value.trim();
  if (setting === "false" || setting === "0") return false;
  if (/^\d+$/.test(setting)) return Number(setting);
  if (setting === "true") {
    ctx.addIssue({
      code: "custom",
      message:
        "true would trust every X-Forwarded-For a client sends, so anyone could choose the address that rate limits count. Set the number of proxies in front of Bearing (TRUST_PROXY=1 behind one load balancer) or their addresses (TRUST_PROXY=10.0.0.0/8)",
    });
    return z.NEVER;
  }
  const proxies = setting.split(",").map((item) => item.trim());
  const wrong = proxies.filter((item) => !PROXY_NAMES.has(item) && !isAddressOrNetwork(item));
  if (wrong.length) {
    ctx.addIssue({ code: "custom", message: `must be a number of proxies (1) or a comma-separated list of their addresses or networks (10.0.0.0/8, 192.168.1.5, loopback); not ${wrong.map((item) => `"${item}"`).join(", ")}` });
    return z.NEVER;
  }
  return proxies;
});

function isAddressOrNetwork(item: string): boolean {
  const [address = "", prefix, ...rest] = item.split("/");
  const family = isIP(address);
  if (!family || rest.length) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    // Unset: every interface in production (a container's port is published from outside it), loopback only otherwise.
    HOST: z.string().min(1).optional(),
    APP_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://bearing.example.com" }).optional(),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// connection string")
      .optional(),
    DATA_DIR: z.string().min(1).default(".data"),
    SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    ENCRYPTION_MASTER_KEY: base64Key.optional(),
    // Earlier master keys, still accepted for unwrapping while `npm run keys:rotate` moves workspace keys off them.
    ENCRYPTION_MASTER_KEYS_PREVIOUS: z
      .string()
      .transform((value) => value.split(",").map((key) => key.trim()).filter(Boolean))
      .pipe(z.array(base64Key))
      .default([]),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL such as smtps://user:pass@smtp.example.com")
      .optional(),
    EMAIL_FROM: z.string().min(3).default("Bearing <no-reply@bearing.localhost>"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    TRUST_PROXY: trustProxy.default(false),
    // Sign in with Google / Microsoft (app/services/oauth). Endpoints default to the real ones; tests point them at e2e/fakes/oidc.
    GOOGLE_CLIENT_ID: z.string().optional(),
    GOOGLE_CLIENT_SECRET: z.string().optional(),
    GOOGLE_AUTHORIZATION_URL: httpUrl.default("https://accounts.google.com/o/oauth2/v2/auth"),
    GOOGLE_TOKEN_URL: httpUrl.default("https://oauth2.googleapis.com/token"),
    GOOGLE_USERINFO_URL: httpUrl.default("https://openidconnect.googleapis.com/v1/userinfo"),
    GOOGLE_ISSUER: z.string().min(1).default("https://accounts.google.com"),
    MICROSOFT_CLIENT_ID: z.string().optional(),
    MICROSOFT_CLIENT_SECRET: z.string().optional(),
    MICROSOFT_TENANT: z.string().regex(/^[\w.-]+$/, "must be common, organizations, consumers, a tenant id or a domain").default("common"),
    MICROSOFT_AUTHORITY: httpUrl.default("https://login.microsoftonline.com"),
    MICROSOFT_GRAPH_URL: httpUrl.default("https://graph.microsoft.com"),
    // The Slack integration (integrations/slack); tests point SLACK_BASE_URL at integrations/slack/fake-server.ts.
    SLACK_CLIENT_ID: z.string().optional(),
    SLACK_CLIENT_SECRET: z.string().optional(),
    SLACK_BASE_URL: httpUrl.default("https://slack.com"),
    // The Jira integration (integrations/jira): one Atlassian OAuth 2.0 (3LO) app; tests point both URLs at integrations/jira/fake-server.ts.
    ATLASSIAN_CLIENT_ID: z.string().optional(),
    ATLASSIAN_CLIENT_SECRET: z.string().optional(),
    ATLASSIAN_AUTH_URL: httpUrl.default("https://auth.atlassian.com"),
    ATLASSIAN_API_URL: httpUrl.default("https://api.atlassian.com"),
    // The Notion integration (integrations/notion); tests point NOTION_BASE_URL at integrations/notion/fake-server.ts.
    NOTION_CLIENT_ID: z.string().optional(),
    NOTION_CLIENT_SECRET: z.string().optional(),
    NOTION_BASE_URL: httpUrl.default("https://api.notion.com"),
  })
  .superRefine((env, ctx) => {
    for (const provider of ["GOOGLE", "MICROSOFT", "SLACK", "ATLASSIAN", "NOTION"] as const) {
      const [id, secret] = [`${provider}_CLIENT_ID`, `${provider}_CLIENT_SECRET`] as const;
      if (Boolean(env[id]) !== Boolean(env[secret])) ctx.addIssue({ code: "custom", path: [env[id] ? secret : id], message: `is required with ${env[id] ? id : secret}` });
    }
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
  /** Master keys a rotation is moving away from: used only to unwrap, never to wrap. */
  encryptionMasterKeysPrevious: Uint8Array[];
  smtpUrl: string | undefined;
  emailFrom: string;
  logLevel: string;
  /** Express's `trust proxy`: false, a number of proxies, or their addresses and networks. */
  trustProxy: TrustProxy;
  /** Secure cookies and HSTS: on in production. */
  secure: boolean;
  /** A provider is offered only when its client id and secret are set. */
  oauth: { google: GoogleOAuthConfig | null; microsoft: MicrosoftOAuthConfig | null };
  /** An integration is offered only when its client id and secret are set. */
  integrations: { slack: IntegrationAppConfig | null; jira: (IntegrationAppConfig & { apiUrl: string }) | null; notion: IntegrationAppConfig | null };
}

export type TrustProxy = false | number | string[];

export interface IntegrationAppConfig {
  clientId: string;
  clientSecret: string;
  baseUrl: string;
}

export interface GoogleOAuthConfig {
  clientId: string;
  clientSecret: string;
  authorizationUrl: string;
  tokenUrl: string;
  userinfoUrl: string;
  issuer: string;
}

export interface MicrosoftOAuthConfig {
  clientId: string;
  clientSecret: string;
  tenant: string;
  authority: string;
  graphUrl: string;
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
    host: env.HOST ?? (env.NODE_ENV === "production" ? "0.0.0.0" : "127.0.0.1"),
    appUrl: new URL(env.APP_URL ?? `http://localhost:${env.PORT}`),
    databaseUrl: env.DATABASE_URL,
    dataDir,
    sessionSecret: secrets.sessionSecret,
    encryptionMasterKey: new Uint8Array(Buffer.from(secrets.encryptionMasterKey, "base64")),
    encryptionMasterKeysPrevious: env.ENCRYPTION_MASTER_KEYS_PREVIOUS.map((key) => new Uint8Array(Buffer.from(key, "base64"))),
    smtpUrl: env.SMTP_URL,
    emailFrom: env.EMAIL_FROM,
    logLevel: env.LOG_LEVEL,
    trustProxy: env.TRUST_PROXY,
    secure: env.NODE_ENV === "production",
    oauth: {
      google:
        env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET
          ? {
              clientId: env.GOOGLE_CLIENT_ID,
              clientSecret: env.GOOGLE_CLIENT_SECRET,
              authorizationUrl: env.GOOGLE_AUTHORIZATION_URL,
              tokenUrl: env.GOOGLE_TOKEN_URL,
              userinfoUrl: env.GOOGLE_USERINFO_URL,
              issuer: env.GOOGLE_ISSUER,
            }
          : null,
      microsoft:
        env.MICROSOFT_CLIENT_ID && env.MICROSOFT_CLIENT_SECRET
          ? {
              clientId: env.MICROSOFT_CLIENT_ID,
              clientSecret: env.MICROSOFT_CLIENT_SECRET,
              tenant: env.MICROSOFT_TENANT,
              authority: env.MICROSOFT_AUTHORITY.replace(/\/+$/, ""),
              graphUrl: env.MICROSOFT_GRAPH_URL.replace(/\/+$/, ""),
            }
          : null,
    },
    integrations: {
      slack:
        env.SLACK_CLIENT_ID && env.SLACK_CLIENT_SECRET
          ? { clientId: env.SLACK_CLIENT_ID, clientSecret: env.SLACK_CLIENT_SECRET, baseUrl: env.SLACK_BASE_URL.replace(/\/+$/, "") }
          : null,
      jira:
        env.ATLASSIAN_CLIENT_ID && env.ATLASSIAN_CLIENT_SECRET
          ? {
              clientId: env.ATLASSIAN_CLIENT_ID,
              clientSecret: env.ATLASSIAN_CLIENT_SECRET,
              baseUrl: env.ATLASSIAN_AUTH_URL.replace(/\/+$/, ""),
              apiUrl: env.ATLASSIAN_API_URL.replace(/\/+$/, ""),
            }
          : null,
      notion:
        env.NOTION_CLIENT_ID && env.NOTION_CLIENT_SECRET
          ? { clientId: env.NOTION_CLIENT_ID, clientSecret: env.NOTION_CLIENT_SECRET, baseUrl: env.NOTION_BASE_URL.replace(/\/+$/, "") }
          : null,
    },
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
