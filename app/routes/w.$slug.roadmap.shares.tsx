import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { PageHeader } from "~/components/app-shell";
import { formatDateTime } from "~/components/dates";
import { useIsPending } from "~/components/forms/use-is-pending";
import { Alert } from "~/components/ui/alert";
import { Button, buttonClass } from "~/components/ui/button";
import { CopyLink } from "~/modules/roadmap/copy-link";
import { RoadmapTabs } from "~/modules/roadmap/roadmap-tabs";
import { createShareSchema, HIDEABLE_FIELD_LABELS, HIDEABLE_FIELDS } from "~/modules/roadmap/schema";
import { createShare, listShares, revokeShare } from "~/modules/roadmap/shares.server";
import { requireMembership } from "~/modules/workspaces/workspaces.server";
import { requireId } from "~/services/errors.server";
import { formText, parseIntent } from "~/services/forms.server";

export const meta: MetaFunction = () => [{ title: "Roadmap share links · Bearing" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMembership(request, context, params.slug, "editor");
  return { slug: workspace.slug, shares: await listShares(context.db, workspace.id) };
}

// The fields to hide are the create form's, checked by createShareSchema.
const shareIntents = z.discriminatedUnion("intent", [z.object({ intent: z.literal("create") }), z.object({ intent: z.literal("revoke"), shareId: formText })]);

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { workspace, user } = await requireMembership(request, context, params.slug, "editor");
  const form = await request.formData();
  const submitted = parseIntent(form, shareIntents, "This page creates and revokes share links.");
  if (submitted.intent === "revoke") {
    await revokeShare(context.db, workspace.id, user.id, requireId(submitted.shareId, "This share link"));
    return { revoked: true as const };
  }
  const submission = parseWithZod(form, { schema: createShareSchema });
  if (submission.status !== "success") return data({ error: "Pick the fields to hide from the list." }, { status: 400 });
  const { token } = await createShare(context.db, workspace.id, user.id, submission.value.hide);
  // Shown this once: only a hash of the token is kept.
  return { created: new URL(`/share/${token}`, context.config.appUrl).href };
}


export default function RoadmapSharesPage() {
  const { slug, shares } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useIsPending();
  return (
    <>
      <PageHeader title="Roadmap" description="Read-only links to the roadmap for people without an account." />
      <RoadmapTabs slug={slug} canShare />
      <div className="max-w-3xl space-y-8 p-4 sm:p-8 sm:pt-6">
        {result && "created" in result && result.created ? (
          <Alert tone="success">
            <p className="font-medium">Share link created. Copy it now: it is shown only once.</p>
            <CopyLink url={result.created} />
          </Alert>
        ) : null}
        {result && "revoked" in result ? <Alert tone="success">The link was revoked. It no longer opens the roadmap.</Alert> : null}
        {result && "error" in result ? <Alert tone="error">{result.error}</Alert> : null}

        <section aria-labelledby="new-share" className="rounded-xl border border-zinc-200 p-5 dark:border-zinc-800">
          <h2 id="new-share" className="font-semibold">
            Create a share link
          </h2>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            Anyone with the link sees the lanes and the timeline, read-only, with no way into the workspace. Hidden fields never leave the server.
          </p>
          {/* Keyed by the last link made, so its boxes start unticked again. */}
          <Form method="post" className="mt-4 space-y-4" key={result && "created" in result ? result.created : "new"}>
            <input type="hidden" name="intent" value="create" />
            <fieldset>
              <legend className="text-sm font-medium">Hide from this link</legend>
              <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
                {HIDEABLE_FIELDS.map((field) => (
                  <label key={field} className="flex items-center gap-2 text-sm">
                    <input type="checkbox" name="hide" value={field} className="size-4 rounded border-zinc-300 accent-accent-600" />
                    {HIDEABLE_FIELD_LABELS[field]}
                  </label>
                ))}
              </div>
            </fieldset>
            <Button disabled={busy}>Create share link</Button>
          </Form>
        </section>

        <section aria-labelledby="open-shares">
          <h2 id="open-shares" className="font-semibold">
            Open links
          </h2>
          {shares.length === 0 ? (
            <p className="mt-2 text-sm text-zinc-500">No link is open. Nobody outside the workspace can see the roadmap.</p>
          ) : (
            <ul className="mt-3 divide-y divide-zinc-200 rounded-xl border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
              {shares.map((share) => (
                <li key={share.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
                  <div className="text-sm">
                    <p className="font-medium">
                      {share.hidden_fields.length
                        ? `Hides ${share.hidden_fields.map((f) => HIDEABLE_FIELD_LABELS[f as keyof typeof HIDEABLE_FIELD_LABELS]?.replace(/ \(.*\)$/, "").toLowerCase() ?? f).join(", ")}`
                        : "Shows every field"}
                    </p>
                    <p className="text-xs text-zinc-500">
                      Created {formatDateTime(share.created_at)}{share.created_by_name ? ` by ${share.created_by_name}` : ""}
                    </p>
                  </div>
                  <details className="relative">
                    <summary className={`${buttonClass("secondary", "sm")} cursor-pointer list-none [&::-webkit-details-marker]:hidden`}>Revoke</summary>
                    <Form
                      method="post"
                      className="absolute right-0 z-20 mt-2 w-64 rounded-lg border border-zinc-200 bg-white p-3 text-sm shadow-lg dark:border-zinc-800 dark:bg-zinc-900"
                    >
                      <p>Revoke this link? Anyone who has it loses access at once.</p>
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="shareId" value={share.id} />
                      <Button variant="danger" size="sm" className="mt-3 w-full" disabled={busy}>
                        Yes, revoke the link
                      </Button>
                    </Form>
                  </details>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
