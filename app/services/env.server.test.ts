import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./env.server";

const PRODUCTION = {
  NODE_ENV: "production",
  SESSION_SECRET: "a-production-session-secret-of-40-chars!!",
  ENCRYPTION_MASTER_KEY: Buffer.alloc(32, 1).toString("base64"),
  SMTP_URL: "smtps://user:pass@smtp.example.com",
  APP_URL: "https://bearing.example.com",
};

function configProblem(environment: Record<string, string>): string {
  try {
    loadConfig(environment);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("the configuration was accepted");
}

const dataDirs: string[] = [];
function temporaryDataDir() {
  const dir = mkdtempSync(join(tmpdir(), "bearing-config-"));
  dataDirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("configuration from the environment", () => {
  it.each([
    ["PORT", "eighty"],
    ["PORT", "70000"],
    ["DATABASE_URL", "mysql://localhost/bearing"],
    ["APP_URL", "bearing.example.com"],
    ["SMTP_URL", "http://smtp.example.com"],
    ["SESSION_SECRET", "too-short"],
    ["ENCRYPTION_MASTER_KEY", "not-32-bytes"],
    ["LOG_LEVEL", "loud"],
    ["NODE_ENV", "staging"],
  ])("a wrong %s (%s) stops the start with a message naming the variable", (name, value) => {
    const message = configProblem({ ...PRODUCTION, [name]: value });
    expect(message).toMatch(new RegExp(`^\\s*- ${name}: `, "m"));
  });

  it("in production SESSION_SECRET, ENCRYPTION_MASTER_KEY, SMTP_URL and APP_URL are required", () => {
    const message = configProblem({ NODE_ENV: "production", DATA_DIR: temporaryDataDir() });
    for (const name of ["SESSION_SECRET", "ENCRYPTION_MASTER_KEY", "SMTP_URL", "APP_URL"]) {
      expect(message).toContain(`${name}: is required in production`);
    }
    for (const name of Object.keys(PRODUCTION).filter((n) => n !== "NODE_ENV")) {
      const { [name as keyof typeof PRODUCTION]: _missing, ...rest } = PRODUCTION;
      expect(configProblem(rest)).toContain(`${name}: is required in production`);
    }
  });

  it("in production, a complete environment is accepted with Secure cookies on", () => {
    const config = loadConfig(PRODUCTION);
    expect(config.mode).toBe("production");
    expect(config.secure).toBe(true);
    expect(config.appUrl.origin).toBe("https://bearing.example.com");
    expect(config.sessionSecret).toBe(PRODUCTION.SESSION_SECRET);
  });

  it("in production, missing secrets are never generated", () => {
    const dataDir = temporaryDataDir();
    configProblem({ NODE_ENV: "production", DATA_DIR: dataDir });
    expect(existsSync(join(dataDir, "secrets.json"))).toBe(false);
  });

  it("in development, missing secrets are generated once under DATA_DIR and the same ones are returned on the next load", () => {
    const dataDir = join(temporaryDataDir(), "nested", ".data");
    const first = loadConfig({ NODE_ENV: "development", DATA_DIR: dataDir });
    expect(first.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(first.encryptionMasterKey).toHaveLength(32);
    expect(first.secure).toBe(false);

    const stored = JSON.parse(readFileSync(join(dataDir, "secrets.json"), "utf8"));
    expect(stored.sessionSecret).toBe(first.sessionSecret);

    const second = loadConfig({ NODE_ENV: "development", DATA_DIR: dataDir });
    expect(second.sessionSecret).toBe(first.sessionSecret);
    expect(second.encryptionMasterKey).toEqual(first.encryptionMasterKey);

    const elsewhere = loadConfig({ NODE_ENV: "development", DATA_DIR: temporaryDataDir() });
    expect(elsewhere.sessionSecret).not.toBe(first.sessionSecret);
  });

  it("in development, a secret given in the environment wins over the generated one", () => {
    const dataDir = temporaryDataDir();
    const config = loadConfig({ NODE_ENV: "development", DATA_DIR: dataDir, SESSION_SECRET: PRODUCTION.SESSION_SECRET });
    expect(config.sessionSecret).toBe(PRODUCTION.SESSION_SECRET);
    expect(config.encryptionMasterKey).toHaveLength(32);
  });

  it("empty variables count as unset, as they do in most .env files", () => {
    const config = loadConfig({ NODE_ENV: "development", DATA_DIR: temporaryDataDir(), PORT: "", SMTP_URL: "" });
    expect(config.port).toBe(3000);
    expect(config.smtpUrl).toBeUndefined();
  });
});
