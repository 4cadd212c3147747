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

  it("in development the server listens on 127.0.0.1 unless HOST says otherwise; in production on every interface", () => {
    const dataDir = temporaryDataDir();
    expect(loadConfig({ NODE_ENV: "development", DATA_DIR: dataDir }).host).toBe("127.0.0.1");
    expect(loadConfig({ NODE_ENV: "development", DATA_DIR: dataDir, HOST: "0.0.0.0" }).host).toBe("0.0.0.0");
    expect(loadConfig(PRODUCTION).host).toBe("0.0.0.0");
    expect(loadConfig({ ...PRODUCTION, HOST: "10.1.2.3" }).host).toBe("10.1.2.3");
  });
});

describe("TRUST_PROXY", () => {
  const trustProxy = (value: string | undefined) => loadConfig({ ...PRODUCTION, TRUST_PROXY: value }).trustProxy;

  it("trusts no proxy unless told, and takes the number of proxies in front of Bearing", () => {
    expect(trustProxy(undefined)).toBe(false);
    expect(trustProxy("false")).toBe(false);
    expect(trustProxy("0")).toBe(false);
    expect(trustProxy("1")).toBe(1);
    expect(trustProxy("2")).toBe(2);
  });

  it("takes the proxies' addresses, networks or Express's names for them", () => {
    expect(trustProxy("10.0.0.0/8, 192.168.1.5")).toEqual(["10.0.0.0/8", "192.168.1.5"]);
    expect(trustProxy("loopback,fd00::/8")).toEqual(["loopback", "fd00::/8"]);
    expect(trustProxy("uniquelocal, linklocal")).toEqual(["uniquelocal", "linklocal"]);
  });

  it("refuses true, which would let any client choose the address the rate limits count, and says what to set instead", () => {
    const message = configProblem({ ...PRODUCTION, TRUST_PROXY: "true" });
    expect(message).toMatch(/^\s*- TRUST_PROXY: /m);
    expect(message).toContain("TRUST_PROXY=1");
    expect(message).toContain("TRUST_PROXY=10.0.0.0/8");
  });

  it.each(["yes", "10.0.0.0/33", "300.1.1.1", "10.0.0.0/8,", "-1", "fd00::/129"])("refuses %s, naming the variable", (value) => {
    expect(configProblem({ ...PRODUCTION, TRUST_PROXY: value })).toMatch(/^\s*- TRUST_PROXY: /m);
  });
});
