import { Form } from "@remix-run/react";
import { formatTimeAgo } from "~/components/dates";
import { Alert } from "~/components/ui/alert";
import { Button, buttonClass } from "~/components/ui/button";
import { ConfirmEmailFirst } from "../confirm-email-first";
import { SECURITY_INTENTS } from "./schema";
import { SecuritySection } from "./security-section";
import type { SignInMethodsView } from "./sign-in-methods.server";

/**
 * How this person can sign in: a password and the providers linked to the account. The last way in
 * cannot be removed (the server refuses too); a provider can be linked only when this server offers
 * it, and once the account's email is confirmed (`unconfirmedEmail` is the address otherwise).
 */
export function SignInMethodsSection(props: { methods: SignInMethodsView; now: number; unconfirmedEmail: string | null; notice?: string; error?: string }) {
  const { methods, now, unconfirmedEmail, notice, error } = props;
  const onlyOne = methods.count <= 1;
  return (
    <SecuritySection id="sign-in-methods-section" title="Sign-in methods" description="The ways you can log in to Bearing. Keep at least one.">
      {notice || error ? (
        <div className="mb-4">
          <Alert tone={error ? "error" : "success"}>{error ?? notice}</Alert>
        </div>
      ) : null}
      {unconfirmedEmail && methods.providers.some((provider) => provider.canLink && !provider.linked) ? (
        <div className="mb-4">
          <ConfirmEmailFirst email={unconfirmedEmail} toDo="link Google or Microsoft" />
        </div>
      ) : null}
      <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
        <li className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
          <div className="min-w-0 flex-1 basis-48">
            <p className="text-sm font-medium">Password</p>
            <p className="text-xs text-zinc-500 dark:text-zinc-400">{methods.password ? "Set: you can log in with your email and password." : "Not set."}</p>
          </div>
          <a href="#password-section" className={buttonClass("ghost", "sm")}>
            {methods.password ? "Change" : "Set a password"}
          </a>
        </li>
        {methods.providers.map(({ provider, name, linked, canLink }) => (
          <li key={provider} className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
            <div className="min-w-0 flex-1 basis-48">
              <p className="text-sm font-medium">{name}</p>
              <p className="truncate text-xs text-zinc-500 dark:text-zinc-400">{linked ? `Linked as ${linked.email} · last used ${formatTimeAgo(linked.lastUsedAt, now)}` : "Not linked."}</p>
            </div>
            {linked ? (
              onlyOne ? (
                <p className="text-xs text-zinc-500 dark:text-zinc-400">Your only way to sign in: set a password or link another provider to unlink it.</p>
              ) : (
                <Form method="post">
                  <input type="hidden" name="intent" value={SECURITY_INTENTS.unlinkIdentity} />
                  <input type="hidden" name="provider" value={provider} />
                  <Button size="sm" variant="secondary" aria-label={`Unlink ${name}`}>
                    Unlink
                  </Button>
                </Form>
              )
            ) : canLink && !unconfirmedEmail ? (
              // A plain link: the provider's consent screen is a full-page navigation, not a form post.
              <a href={`/auth/${provider}?link=1`} className={buttonClass("secondary", "sm")} aria-label={`Link ${name}`}>
                Link
              </a>
            ) : null}
          </li>
        ))}
      </ul>
    </SecuritySection>
  );
}
