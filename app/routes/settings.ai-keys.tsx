import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import type { AiEndpointAnswer } from "~/ai/ai-endpoints";
import { KeyVaultSettings } from "~/ai/components/key-vault-settings.client";
import { DEFAULT_PROVIDER_ORIGINS } from "~/ai/providers";
import { useIsPending } from "~/components/forms/use-is-pending";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { useHydrated } from "~/components/use-hydrated";
import { allowAiEndpoint, clearAiEndpoints, removeAiEndpoint } from "~/ai/ai-endpoints.server";
import { requireUser } from "~/services/auth.server";
import { formText, parseIntent } from "~/services/forms.server";

export const meta: MetaFunction = () => [{ title: "AI keys · Bearing" }];

/** Only what the page needs to know about endpoints: the keys themselves never reach this server. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  return { allowedOrigins: user.ai_endpoints, defaultOrigins: DEFAULT_PROVIDER_ORIGINS };
}

const aiEndpointIntents = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("allow-endpoint"), baseUrl: formText }),
  z.object({ intent: z.literal("remove-endpoint"), origin: formText }),
  z.object({ intent: z.literal("forget-endpoints") }),
]);

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(request, context);
  const submitted = parseIntent(await request.formData(), aiEndpointIntents, "Unknown action.");
  switch (submitted.intent) {
    case "allow-endpoint": {
      const allowed = await allowAiEndpoint(context.db, user.id, submitted.baseUrl);
      if ("error" in allowed) return data({ intent: "allow-endpoint", fieldErrors: { baseUrl: [allowed.error] } } satisfies AiEndpointAnswer, { status: 400 });
      return { intent: "allow-endpoint", origin: allowed.origin } satisfies AiEndpointAnswer;
    }
    case "remove-endpoint":
      await removeAiEndpoint(context.db, user.id, submitted.origin);
      return { intent: "remove-endpoint", notice: "Endpoint removed: this browser may no longer call it." } satisfies AiEndpointAnswer;
    case "forget-endpoints":
      await clearAiEndpoints(context.db, user.id);
      return { intent: "forget-endpoints", notice: "Every endpoint you added is removed." } satisfies AiEndpointAnswer;
  }
}

export default function AiKeysSettings() {
  const { allowedOrigins, defaultOrigins } = useLoaderData<typeof loader>();
  const hydrated = useHydrated();
  return (
    <div className="max-w-3xl space-y-8">
      <section>
        <h1 className="text-xl font-semibold tracking-tight">AI keys</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          Bearing's AI features run in your browser and call the provider with your own key. Keys are stored in this browser only,
          encrypted with a key this browser cannot export, and are sent straight to the provider you chose — Bearing's server
          never sees them. Another browser or device needs its own copy. <Link to="/privacy" className="font-medium text-accent-700 underline dark:text-accent-400">How we handle your data</Link>
        </p>
        <div className="mt-6">
          {hydrated ? (
            <KeyVaultSettings allowedOrigins={allowedOrigins} defaultOrigins={defaultOrigins} />
          ) : (
            <p className="rounded-xl border border-dashed border-zinc-300 p-6 text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
              AI keys need JavaScript: they stay in this browser, so only the browser can read and save them.
            </p>
          )}
        </div>
      </section>
      <AllowedEndpoints allowedOrigins={allowedOrigins} defaultOrigins={defaultOrigins} />
    </div>
  );
}

/** The origins this user's pages may connect to (the CSP's connect-src); plain forms, so it works without JavaScript. */
function AllowedEndpoints({ allowedOrigins, defaultOrigins }: { allowedOrigins: string[]; defaultOrigins: string[] }) {
  const actionData = useActionData<typeof action>();
  const submitting = useIsPending();
  return (
    <section aria-labelledby="allowed-endpoints" className="rounded-xl border border-zinc-200 p-5 dark:border-zinc-800">
      <h2 id="allowed-endpoints" className="font-medium">
        Endpoints your browser may call
      </h2>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        Bearing's pages may only connect to the providers' own endpoints and to the ones you add by saving a base URL. Only the
        address is kept on your account, never a key.
      </p>
      <div className="mt-4 space-y-3">
        {actionData && "notice" in actionData ? <Alert tone="success">{actionData.notice}</Alert> : null}
        {actionData && "fieldErrors" in actionData ? <Alert tone="error">That endpoint was not allowed: {actionData.fieldErrors.baseUrl[0]}</Alert> : null}
        {allowedOrigins.length === 0 ? (
          <p className="text-sm text-zinc-500">You have not added any endpoint.</p>
        ) : (
          <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
            {allowedOrigins.map((origin) => (
              <li key={origin} className="flex items-center justify-between gap-3 px-3 py-2">
                <code className="min-w-0 truncate text-sm">{origin}</code>
                <Form method="post">
                  <input type="hidden" name="intent" value="remove-endpoint" />
                  <input type="hidden" name="origin" value={origin} />
                  <Button size="sm" variant="ghost" aria-label={`Remove ${origin}`} disabled={submitting}>
                    Remove
                  </Button>
                </Form>
              </li>
            ))}
          </ul>
        )}
        <details className="text-sm text-zinc-600 dark:text-zinc-400">
          <summary className="cursor-pointer">Always allowed: the providers' own endpoints</summary>
          <ul className="mt-2 space-y-1 pl-4">
            {defaultOrigins.map((origin) => (
              <li key={origin}>
                <code>{origin}</code>
              </li>
            ))}
          </ul>
        </details>
      </div>
    </section>
  );
}
