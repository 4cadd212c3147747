import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { EmptyState, PageHeader } from "~/components/app-shell";
import { requireMembership } from "~/modules/workspaces/workspaces.server";
import { notFound } from "~/services/errors.server";

// The product areas of PRODUCT.md §3 that have no screen of their own yet. Each gets its own route
// as it lands; a route file with a fixed name wins over this dynamic one.
const AREAS: Record<string, { title: string; description: string }> = {
  ai: { title: "Ask AI", description: "Ask questions of your workspace with your own AI keys, straight from your browser." },
};

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} · Bearing` : "Bearing" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireMembership(request, context, params.slug);
  const area = AREAS[params.area ?? ""];
  if (!area) throw notFound("This page");
  return area;
}

export default function AreaPlaceholder() {
  const { title, description } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={title} description={description} />
      <EmptyState title={`Nothing in ${title} yet`}>This part of Bearing is being built. Everything you add will show up here.</EmptyState>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
