import { Form } from "@remix-run/react";
import { formatDateTime } from "~/components/dates";
import { Button, buttonClass } from "~/components/ui/button";
import type { IntegrationsPage } from "./integrations-page.server";

type ProviderEntry = IntegrationsPage["providers"][number];

function Scopes({ label, scopes }: { label: string; scopes: string[] }) {
  return (
    <div>
      <dt className="font-medium">{label}</dt>
      <dd className="mt-1 flex flex-wrap gap-1">
        {scopes.length ? (
          scopes.map((scope) => (
            <code key={scope} className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs dark:bg-zinc-800">
              {scope}
            </code>
          ))
        ) : (
          <span className="text-zinc-500">none</span>
        )}
      </dd>
    </div>
  );
}

/** One provider on Settings → Integrations: connect it, or see and end its connection. */
export function ConnectionCard({ provider, slug }: { provider: ProviderEntry; slug: string }) {
  const { connection } = provider;
  return (
    <section aria-labelledby={`provider-${provider.id}`} className="rounded-xl border border-zinc-200 p-5 dark:border-zinc-800">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 flex-1 basis-64">
          <h2 id={`provider-${provider.id}`} className="font-medium">
            {provider.name}{" "}
            <span className="ml-1 rounded-full bg-zinc-100 px-2 py-0.5 text-xs font-normal dark:bg-zinc-800">
              {connection ? (connection.status === "error" ? "Needs attention" : "Connected") : provider.available ? "Not connected" : "Not available"}
            </span>
          </h2>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{provider.description}</p>
        </div>
        {connection ? (
          <Form method="post">
            <input type="hidden" name="intent" value="disconnect" />
            <input type="hidden" name="provider" value={provider.id} />
            <Button variant="danger" size="sm">
              Disconnect {provider.name}
            </Button>
          </Form>
        ) : provider.available ? (
          <a href={`/w/${slug}/integrations/${provider.id}/connect`} className={buttonClass("primary", "sm")}>
            Connect {provider.name}
          </a>
        ) : null}
      </div>
      {!provider.available && !connection ? (
        <p className="mt-3 text-sm text-zinc-500">This Bearing server has no {provider.name} app configured, or {provider.name} support is still being built.</p>
      ) : null}
      <dl className="mt-4 grid gap-3 text-sm sm:grid-cols-2">
        {provider.available && !connection ? <Scopes label="Permissions Bearing will ask for" scopes={provider.scopes} /> : null}
        {connection ? (
          <>
            <div>
              <dt className="font-medium">Connected account</dt>
              <dd>
                {connection.account_name || connection.account_id} <span className="text-zinc-500">({connection.account_id})</span>
              </dd>
            </div>
            <div>
              <dt className="font-medium">Last sync</dt>
              <dd>{connection.last_sync_at ? formatDateTime(connection.last_sync_at) : "never"}</dd>
            </div>
            <Scopes label="Permissions requested" scopes={connection.scopes_requested} />
            <Scopes label="Permissions granted" scopes={connection.scopes_granted} />
            {connection.last_error ? (
              <div className="sm:col-span-2">
                <dt className="font-medium">Last error</dt>
                <dd className="text-red-600 dark:text-red-400">{connection.last_error}</dd>
              </div>
            ) : null}
          </>
        ) : null}
      </dl>
    </section>
  );
}
