import { Form, Link } from "@remix-run/react";
import { AuthLayout, TextLink } from "~/components/auth-layout";
import { Alert } from "~/components/ui/alert";
import { Button, buttonClass } from "~/components/ui/button";

export interface ChooserData {
  workspaces: { id: string; slug: string; name: string }[];
  deleted: { id: string; name: string; purgeDate: string }[];
  /** The workspace the owner has just deleted, named in the notice. */
  justDeleted: { name: string; purgeDate: string } | null;
}

/**
 * The home page of a signed-in owner with deleted workspaces: where to go, and what can still be
 * restored before it is purged.
 */
export function WorkspaceChooser({ workspaces, deleted, justDeleted }: ChooserData) {
  return (
    <AuthLayout title="Your workspaces" footer={<TextLink to="/w/new">Create a workspace</TextLink>}>
      <div className="space-y-6">
        {justDeleted ? (
          <Alert tone="success">
            {justDeleted.name} was deleted. You can restore it until {justDeleted.purgeDate}; after that it is deleted for good.
          </Alert>
        ) : null}
        {workspaces.length ? (
          <ul className="space-y-2">
            {workspaces.map((workspace) => (
              <li key={workspace.id}>
                <Link to={`/w/${workspace.slug}`} className={`${buttonClass("secondary")} w-full justify-start`}>
                  {workspace.name}
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">You have no other workspace.</p>
        )}
        <section aria-labelledby="deleted-workspaces-title">
          <h2 id="deleted-workspaces-title" className="text-sm font-medium">
            Deleted workspaces
          </h2>
          <ul className="mt-2 space-y-2">
            {deleted.map((workspace) => (
              <li key={workspace.id} className="flex items-center justify-between gap-3 rounded-md border border-zinc-200 px-3 py-2 text-sm dark:border-zinc-800">
                <span>
                  <span className="font-medium">{workspace.name}</span>
                  <span className="block text-xs text-zinc-500">Purged on {workspace.purgeDate}</span>
                </span>
                <Form method="post">
                  <input type="hidden" name="intent" value="restore-workspace" />
                  <input type="hidden" name="workspaceId" value={workspace.id} />
                  <Button variant="secondary" size="sm">
                    Restore {workspace.name}
                  </Button>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </AuthLayout>
  );
}
