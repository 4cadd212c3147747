import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../env.server";
import { configuredProviders, providerSignIn } from "./providers.server";

const SECRETS = { SESSION_SECRET: "provider-config-test-secret-0123456789", ENCRYPTION_MASTER_KEY: Buffer.alloc(32, 3).toString("base64") };

describe("provider configuration", () => {
  it("offers a provider only when its client id and secret are set, with the real endpoints by default", () => {
    expect(configuredProviders(loadConfig(SECRETS))).toEqual([]);
    const config = loadConfig({ ...SECRETS, APP_URL: "https://bearing.example.com", MICROSOFT_CLIENT_ID: "app-id", MICROSOFT_CLIENT_SECRET: "app-secret" });
    expect(configuredProviders(config)).toEqual(["microsoft"]);
    expect(providerSignIn(config, "google")).toBeNull();

    const url = providerSignIn(config, "microsoft")!.authorizationUrl({ state: "s".repeat(43), codeVerifier: "v".repeat(43), nonce: "n".repeat(43) });
    expect(url.origin + url.pathname).toBe("https://login.microsoftonline.com/common/oauth2/v2.0/authorize");
    expect(url.searchParams.get("redirect_uri")).toBe("https://bearing.example.com/auth/microsoft/callback");
    expect(url.searchParams.get("scope")).toBe("openid email profile User.Read");

    const google = loadConfig({ ...SECRETS, GOOGLE_CLIENT_ID: "id.apps.googleusercontent.com", GOOGLE_CLIENT_SECRET: "secret" });
    const googleUrl = providerSignIn(google, "google")!.authorizationUrl({ state: "s".repeat(43), codeVerifier: "v".repeat(43), nonce: "n".repeat(43) });
    expect(googleUrl.origin + googleUrl.pathname).toBe("https://accounts.google.com/o/oauth2/v2/auth");
    expect(googleUrl.searchParams.get("code_challenge_method")).toBe("S256");
  });

  it("refuses a client id without its secret, and the reverse", () => {
    expect(() => loadConfig({ ...SECRETS, GOOGLE_CLIENT_ID: "id" })).toThrow(ConfigError);
    expect(() => loadConfig({ ...SECRETS, MICROSOFT_CLIENT_SECRET: "secret" })).toThrow(/MICROSOFT_CLIENT_ID: is required with MICROSOFT_CLIENT_SECRET/);
  });
});
