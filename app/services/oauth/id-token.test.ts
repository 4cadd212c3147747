import { describe, expect, it } from "vitest";
import { createSigningKey, signIdToken } from "../../../e2e/fakes/oidc/id-tokens";
import { AppError } from "../errors.server";
import { createLogger } from "../logger.server";
import { checkIdToken, idTokenClaims } from "./id-token.server";

const key = createSigningKey();
const logs: string[] = [];
const logger = createLogger("warn", { write: (line: string) => void logs.push(line) });
const now = Math.floor(Date.now() / 1000);
const valid = { iss: "https://accounts.google.com", aud: "our-client", sub: "110169484474386276334", iat: now, exp: now + 3600, nonce: "n-0S6_WzA2Mj" };
const expected = { issuer: (iss: string) => iss === "https://accounts.google.com", clientId: "our-client", nonce: "n-0S6_WzA2Mj", providerName: "Google" };

const check = (claims: Record<string, unknown>) => () => checkIdToken(signIdToken(key, claims), idTokenClaims, expected, logger);

describe("ID token checks", () => {
  it("accepts a token for us, from the provider, in date, with our nonce", () => {
    expect(check(valid)()).toMatchObject({ sub: valid.sub });
    expect(check({ ...valid, aud: ["our-client", "another"], azp: "our-client" })()).toMatchObject({ sub: valid.sub });
  });

  it.each([
    ["another issuer", { iss: "https://evil.example" }],
    ["another audience", { aud: "someone-else" }],
    ["several audiences, authorized for another party", { aud: ["our-client", "another"], azp: "another" }],
    ["an expired token", { exp: now - 3600, iat: now - 7200 }],
    ["a token issued in the future", { iat: now + 3600, exp: now + 7200 }],
    ["another nonce (a replayed token)", { nonce: "another-nonce" }],
    ["no nonce", { nonce: undefined }],
    ["no subject", { sub: undefined }],
  ])("refuses %s", (_what, change) => {
    expect(check({ ...valid, ...change })).toThrow(AppError);
  });

  it("refuses what is not a JWT, without logging it", () => {
    expect(() => checkIdToken("not-a-jwt.at-all", idTokenClaims, expected, logger)).toThrow(AppError);
    expect(logs.join("\n")).not.toContain("not-a-jwt");
  });
});
