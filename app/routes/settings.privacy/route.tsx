import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useHydrated } from "~/components/use-hydrated";
import { ForgetKeysSection } from "~/modules/accounts/privacy/forget-keys-section.client";
import { DeleteAccountSection, ExportSection, IntegrationsSection, Notice } from "~/modules/accounts/privacy/privacy-sections";
import { SecuritySection } from "~/modules/accounts/security/security-section";
import { SessionsSection } from "~/modules/accounts/security/sessions-section";
import { requireUser } from "~/services/auth.server";
import { handlePrivacyIntent, loadPrivacyPage, type PrivacyActionResult } from "./privacy-page.server";

export const meta: MetaFunction = () => [{ title: "Privacy · Bearing" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  return loadPrivacyPage(context, user);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(request, context);
  return handlePrivacyIntent(context, user, await request.formData());
}

export default function PrivacySettings() {
  const { workspaces, sessions, now } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as PrivacyActionResult | undefined;
  const hydrated = useHydrated();
  const forSection = (section: PrivacyActionResult["section"]) => (answer?.section === section ? answer : undefined);
  return (
    <div className="max-w-3xl">
      <h1 className="text-xl font-semibold tracking-tight">Privacy</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        Export your data, disconnect integrations, forget your AI keys, see where you are signed in, or delete your account.{" "}
        <Link to="/privacy" className="font-medium text-accent-700 underline dark:text-accent-400">
          Our Privacy Policy
        </Link>
      </p>
      <div className="mt-6 space-y-6">
        <ExportSection workspaces={workspaces} />
        <IntegrationsSection workspaces={workspaces}>
          <Notice notice={forSection("integrations")?.notice} error={forSection("integrations")?.error} />
        </IntegrationsSection>
        <SecuritySection
          id="ai-keys-section"
          title="AI keys in this browser"
          description="Your AI keys never reach Bearing's server: they are stored in this browser only. Forgetting them here removes them from this browser."
        >
          <Notice notice={forSection("keys")?.notice} />
          {hydrated ? (
            <ForgetKeysSection />
          ) : (
            <p className="rounded-lg border border-dashed border-zinc-300 p-4 text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
              Forgetting your AI keys needs JavaScript: they are stored in this browser, so only the browser can remove them. Turn
              JavaScript on, or clear this site's data in your browser's settings.
            </p>
          )}
        </SecuritySection>
        <SessionsSection sessions={sessions} now={now} notice={forSection("sessions")?.notice} />
        <DeleteAccountSection />
      </div>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
