import { createHash } from "node:crypto";
import type { FakeOidcUser } from "./server";

type Provider = "google" | "microsoft";

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/**
 * The provider's own sign-in page, reduced to what a test needs: who signs in. Real providers show
 * an account chooser and a consent screen at this step; here a person (or a Playwright spec) types
 * the account, so specs running side by side each sign in as someone of their own.
 */
export function accountChooserPage(provider: Provider, tenant: string, query: URLSearchParams): string {
  const title = provider === "google" ? "Sign in with Google" : "Sign in to your Microsoft account";
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body style="font-family: sans-serif; max-width: 28rem; margin: 4rem auto">
<h1>${title}</h1>
<form method="post" action="/__fake/choose-account">
  <input type="hidden" name="provider" value="${provider}">
  <input type="hidden" name="tenant" value="${escape(tenant)}">
  <input type="hidden" name="query" value="${escape(query.toString())}">
  <p><label>Email <input name="email" type="email" required></label></p>
  <p><label>Name <input name="name" required></label></p>
  <p><label><input name="verified" type="checkbox" value="yes" checked> Email verified</label></p>
  <p><button>Continue</button></p>
</form></body></html>`;
}

/** The `sub` of the account typed on the chooser: stable per email, as a provider's is per person. */
export function chooserSubject(email: string): string {
  return createHash("sha256").update(email).digest("hex").slice(0, 21);
}

/** The account typed on the chooser. */
export function chosenAccount(form: URLSearchParams): { provider: Provider; tenant: string; query: URLSearchParams; user: FakeOidcUser } {
  const email = form.get("email") ?? "";
  return {
    provider: form.get("provider") === "microsoft" ? "microsoft" : "google",
    tenant: form.get("tenant") ?? "",
    query: new URLSearchParams(form.get("query") ?? ""),
    user: {
      sub: chooserSubject(email),
      email,
      emailVerified: form.get("verified") === "yes",
      name: form.get("name") ?? email,
    },
  };
}
