import type { Database } from "../../../../db/database";
import type { OAuthProvider } from "../../../../db/schema";
import type { Config } from "../../../services/env.server";
import { AppError, notFound } from "../../../services/errors.server";
import { listSignInMethods, unlinkIdentity } from "../../../services/oauth/identities.server";
import { configuredProviders, parseProvider, PROVIDER_NAMES } from "../../../services/oauth/providers.server";

export interface SignInMethodsView {
  password: boolean;
  /** Linked providers, and the ones this server offers to link. */
  providers: Array<{ provider: OAuthProvider; name: string; linked: { email: string; lastUsedAt: Date } | null; canLink: boolean }>;
  /** How many ways in the account has: the last one cannot be removed. */
  count: number;
}

export async function loadSignInMethods(db: Database, config: Config, userId: string): Promise<SignInMethodsView> {
  const methods = await listSignInMethods(db, userId);
  const offered = configuredProviders(config);
  const providers = (["google", "microsoft"] as const).flatMap((provider) => {
    const identity = methods.identities.find((linked) => linked.provider === provider);
    const canLink = offered.includes(provider);
    if (!identity && !canLink) return [];
    return [{ provider, name: PROVIDER_NAMES[provider], linked: identity ? { email: identity.email, lastUsedAt: identity.lastUsedAt } : null, canLink }];
  });
  return { password: methods.password, providers, count: Number(methods.password) + methods.identities.length };
}

/**
 * Unlinks a provider and returns its name. Refuses to remove the last way to sign in, which would
 * lock the person out of their own account: here with a message that points at this page's
 * "Set a password", and again inside `unlinkIdentity`, under a lock, for two unlinks at once.
 */
export async function removeSignInMethod(db: Database, userId: string, providerName: string): Promise<string> {
  const provider = parseProvider(providerName);
  if (!provider) throw notFound("This sign-in method");
  const methods = await listSignInMethods(db, userId);
  const linked = methods.identities.some((identity) => identity.provider === provider);
  if (linked && Number(methods.password) + methods.identities.length <= 1) throw lastMethod(provider);
  await unlinkIdentity(db, userId, provider);
  return PROVIDER_NAMES[provider];
}

function lastMethod(provider: OAuthProvider) {
  return new AppError(
    409,
    "Last sign-in method",
    `${PROVIDER_NAMES[provider]} is your only way to sign in, so it stays linked. Set a password above, or link another provider, first.`,
  );
}
