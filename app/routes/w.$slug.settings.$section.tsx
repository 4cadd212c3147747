import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { EmptyState, PageHeader } from "~/components/app-shell";
import { requireMembership } from "~/modules/workspaces/workspaces.server";
import { notFound } from "~/services/errors.server";

// Workspace settings that have no screen of their own yet; each replaces its entry here as it lands.
const SECTIONS: Record<string, { title: string; description: string; minimum: "viewer" | "admin" }> = {
  integrations: { title: "Integrations", description: "Connect Jira, Confluence, Slack, Notion, Linear and GitHub.", minimum: "admin" },
};

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} · Bearing` : "Bearing" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const section = SECTIONS[params.section ?? ""];
  await requireMembership(request, context, params.slug, section?.minimum);
  if (!section) throw notFound("This page");
  return section;
}

export default function SettingsPlaceholder() {
  const { title, description } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={title} description={description} />
      <EmptyState title={`No ${title.toLowerCase()} yet`}>This part of Bearing is being built.</EmptyState>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
