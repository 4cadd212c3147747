import type { Config } from "../env.server";
import type { OAuthProvider } from "../../../db/schema";
import type { Logger } from "../logger.server";
import { googleSignIn } from "./google.server";
import { microsoftSignIn } from "./microsoft.server";

export type { OAuthProvider };

export const PROVIDER_NAMES: Record<OAuthProvider, string> = { google: "Google", microsoft: "Microsoft" };

/** Who the provider says signed in, after the ID token passed every check. */
export interface ProviderIdentity {
  provider: OAuthProvider;
  /** The ID token's `sub`: the provider's stable id for this person (in our app). */
  subject: string;
  email: string;
  /** Only true when the provider vouches that this person controls the address. */
  emailVerified: boolean;
  name: string;
  /** A `data:` URL: the picture is fetched once, server-side, so no page loads a provider's host (privacy promise 5). */
  avatarUrl: string | null;
}

/** What the login flow needs from a provider; arctic stays behind the per-provider modules. */
export interface ProviderSignIn {
  authorizationUrl(request: { state: string; codeVerifier: string; nonce: string }): URL;
  /** Redeems the code and returns the checked identity; throws AppError when anything is off. */
  identify(callback: { code: string; codeVerifier: string; nonce: string }, logger: Logger): Promise<ProviderIdentity>;
}

export function parseProvider(value: string | undefined): OAuthProvider | null {
  return value === "google" || value === "microsoft" ? value : null;
}

/** Providers whose client id and secret are set, in the order the buttons show them. */
export function configuredProviders(config: Config): OAuthProvider[] {
  return (["google", "microsoft"] as const).filter((provider) => config.oauth[provider] !== null);
}

function callbackUrl(config: Config, provider: OAuthProvider): string {
  return new URL(`/auth/${provider}/callback`, config.appUrl).href;
}

/** null for a provider that is not configured: its routes answer 404. */
export function providerSignIn(config: Config, provider: OAuthProvider): ProviderSignIn | null {
  const redirectUri = callbackUrl(config, provider);
  if (provider === "google") return config.oauth.google ? googleSignIn(config.oauth.google, redirectUri) : null;
  return config.oauth.microsoft ? microsoftSignIn(config.oauth.microsoft, redirectUri) : null;
}
