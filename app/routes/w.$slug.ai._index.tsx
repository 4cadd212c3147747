import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { lazy, Suspense } from "react";
import { PageHeader } from "~/components/app-shell";
import { useHydrated } from "~/components/use-hydrated";
import { requireMembership } from "~/modules/workspaces/workspaces.server";

// Fetched only once the page runs in the browser: the chat brings the AI SDK with it, and every
// other screen (and this one's first paint) stays free of it.
const WorkspaceChat = lazy(() => import("~/ai/chat/workspace-chat.client"));

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Ask the workspace · ${data.workspaceName} · Bearing` : "Bearing" }];

/** Only who may ask (any member, viewers included) and the workspace's name: the items come from corpus.json, the question never comes here. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMembership(request, context, params.slug);
  return { slug: workspace.slug, workspaceName: workspace.name };
}

export default function AskTheWorkspace() {
  const { slug, workspaceName } = useLoaderData<typeof loader>();
  const hydrated = useHydrated();
  const waiting = <p className="py-10 text-center text-sm text-zinc-500">The chat starts once this page has loaded in your browser.</p>;
  return (
    <>
      <PageHeader
        title="Ask the workspace"
        description={`Questions about ${workspaceName}, answered by your own AI provider from this browser, with a link to every item an answer uses.`}
      />
      <div className="mx-auto max-w-3xl px-4 pt-4 sm:px-8 sm:pt-6">
        <noscript>
          <p className="my-10 rounded-xl border border-dashed border-zinc-300 p-6 text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
            Ask the workspace needs JavaScript: the chat runs in your browser with your own AI key, so Bearing&rsquo;s server never sees your
            questions or the answers.
          </p>
        </noscript>
        {hydrated ? (
          <Suspense fallback={waiting}>
            <WorkspaceChat slug={slug} workspaceName={workspaceName} />
          </Suspense>
        ) : (
          waiting
        )}
      </div>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
