import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { AppShell } from "~/components/app-shell";
import { listWorkspacesForUser, rememberWorkspace, requireMembership } from "~/modules/workspaces/workspaces.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.workspace.name} · Bearing` : "Bearing" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const access = await requireMembership(request, context, params.slug);
  const [workspaces] = await Promise.all([
    listWorkspacesForUser(context.db, access.user.id),
    rememberWorkspace(context.db, access.user.id, access.workspace.id),
  ]);
  return { ...access, workspaces };
}

export default function WorkspaceLayout() {
  const { workspace, workspaces, user, role } = useLoaderData<typeof loader>();
  return (
    <AppShell workspace={workspace} role={role} workspaces={workspaces} user={user}>
      <Outlet />
    </AppShell>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
