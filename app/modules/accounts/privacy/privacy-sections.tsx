import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { formatDate } from "~/components/dates";
import { Alert } from "~/components/ui/alert";
import { Button, buttonClass } from "~/components/ui/button";
import { SecuritySection } from "../security/security-section";
import { PRIVACY_INTENTS } from "./privacy-intents";

export interface WorkspaceView {
  id: string;
  slug: string;
  name: string;
  role: string;
  connections: Array<{ provider: string; name: string; account: string; connectedAt: Date | string }>;
}

const linkClass = "font-medium text-accent-700 underline dark:text-accent-400";

export function Notice({ notice, error }: { notice?: string; error?: string }) {
  if (error) return <div className="mb-4"><Alert tone="error">{error}</Alert></div>;
  if (notice) return <div className="mb-4"><Alert tone="success">{notice}</Alert></div>;
  return null;
}

/** Your own data as one file, and each workspace you administer as another. */
export function ExportSection({ workspaces }: { workspaces: ReadonlyArray<WorkspaceView> }) {
  return (
    <SecuritySection
      id="export-section"
      title="Export your data"
      description={
        <>
          One JSON file with everything Bearing keeps about you: your account, sessions, sign-in methods, memberships and every
          workspace row you wrote or own, as the database stores it. Passwords, keys and tokens are never in it; the file says
          which exist.
        </>
      }
    >
      <a href="/settings/privacy/export.json" download className={buttonClass("primary")}>
        Export my data
      </a>
      {workspaces.length ? (
        <div className="mt-5">
          <h3 className="text-sm font-medium">Workspaces you administer</h3>
          <ul className="mt-2 divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
            {workspaces.map((workspace) => (
              <li key={workspace.id} className="flex items-center justify-between gap-3 px-3 py-2 text-sm">
                <span className="min-w-0 truncate">
                  {workspace.name} <span className="text-zinc-500">({workspace.role})</span>
                </span>
                <a href={`/w/${workspace.slug}/export.json`} download className={buttonClass("secondary", "sm")} aria-label={`Export workspace ${workspace.name}`}>
                  Export workspace
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </SecuritySection>
  );
}

/** Each integration connected to a workspace you administer, with the same disconnect as its settings page. */
export function IntegrationsSection({ workspaces, children }: { workspaces: ReadonlyArray<WorkspaceView>; children?: ReactNode }) {
  const connected = workspaces.filter((w) => w.connections.length);
  return (
    <SecuritySection
      id="integrations-section"
      title="Integrations"
      description="Disconnecting revokes the token at the provider and deletes it here. Only admins and owners of a workspace see its integrations."
    >
      {children}
      {connected.length === 0 ? (
        <p className="text-sm text-zinc-500">No integration is connected to a workspace you administer.</p>
      ) : (
        <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
          {connected.flatMap((workspace) =>
            workspace.connections.map((connection) => (
              <li key={`${workspace.id}-${connection.provider}`} className="flex flex-wrap items-center justify-between gap-3 px-3 py-2 text-sm">
                <span className="min-w-0">
                  <span className="font-medium">{connection.name}</span> in {workspace.name}
                  <span className="block text-xs text-zinc-500">
                    {connection.account ? `${connection.account} · ` : ""}connected {formatDate(connection.connectedAt)}
                  </span>
                </span>
                <Form method="post">
                  <input type="hidden" name="intent" value={PRIVACY_INTENTS.disconnect} />
                  <input type="hidden" name="workspaceId" value={workspace.id} />
                  <input type="hidden" name="provider" value={connection.provider} />
                  <Button size="sm" variant="secondary" aria-label={`Disconnect ${connection.name} from ${workspace.name}`}>
                    Disconnect
                  </Button>
                </Form>
              </li>
            )),
          )}
        </ul>
      )}
    </SecuritySection>
  );
}

/** The way to the deletion page; the page itself says what goes before it asks anything. */
export function DeleteAccountSection() {
  return (
    <section id="delete-section" aria-labelledby="delete-section-heading" className="rounded-xl border border-red-200 p-4 sm:p-5 dark:border-red-900/60">
      <h2 id="delete-section-heading" className="text-lg font-semibold">
        Delete your account
      </h2>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        Removes your account and everything associated with it, at once. Workspaces where you are the only owner are deleted too. You
        will see exactly what goes before you confirm. <Link to="/privacy" className={linkClass}>Privacy Policy</Link>
      </p>
      <Link to="/settings/privacy/delete" className={`${buttonClass("danger")} mt-4`}>
        Delete my account…
      </Link>
    </section>
  );
}
