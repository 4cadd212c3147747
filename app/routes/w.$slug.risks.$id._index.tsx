import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { PageHeader } from "~/components/app-shell";
import { EditDeleteActions } from "~/components/confirm-delete";
import { formatDate } from "~/components/dates";
import { OverdueFlag, SeverityBadge, SourceBadge, StatusBadge } from "~/modules/risks/risk-badges";
import { deleteRisk, requireRisk } from "~/modules/risks/risks.server";
import { IMPACT_LABELS, LIKELIHOOD_LABELS } from "~/modules/risks/schema";
import { bandLabel } from "~/modules/risks/severity";
import { atLeast } from "~/modules/workspaces/roles";
import { requireMembership } from "~/modules/workspaces/workspaces.server";
import { requireId } from "~/services/errors.server";
import { deleteIntent, parseIntent } from "~/services/forms.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.risk.title} · Bearing` : "Risk · Bearing" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace, role } = await requireMembership(request, context, params.slug);
  const risk = await requireRisk(context.db, workspace.id, requireId(params.id, "This risk"));
  return { slug: workspace.slug, risk, canEdit: atLeast(role, "editor") };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { workspace, user } = await requireMembership(request, context, params.slug, "editor");
  const id = requireId(params.id, "This risk");
  // Another workspace's id answers 404 whatever the form says, exactly like an unknown one.
  await requireRisk(context.db, workspace.id, id);
  parseIntent(await request.formData(), deleteIntent, "This page only knows how to delete.");
  await deleteRisk(context.db, workspace.id, user.id, id);
  throw redirect(`/w/${workspace.slug}/risks`);
}

const none = <span className="text-zinc-400 dark:text-zinc-500">—</span>;
const link = "font-medium text-accent-600 hover:underline dark:text-accent-500";

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium text-zinc-500 dark:text-zinc-400">{term}</dt>
      <dd className="mt-1 text-sm">{children}</dd>
    </div>
  );
}

export default function RiskPage() {
  const { slug, risk, canEdit } = useLoaderData<typeof loader>();
  const base = `/w/${slug}`;
  return (
    <>
      <PageHeader
        title={risk.title}
        description={
          <span className="mt-1 flex flex-wrap items-center gap-1.5">
            <SeverityBadge severity={risk.severity} />
            <StatusBadge status={risk.status} />
            <SourceBadge source={risk.source} />
            {risk.overdue ? <OverdueFlag /> : null}
          </span>
        }
        actions={
          canEdit ? <EditDeleteActions what={`“${risk.title}”`} /> : null
        }
      />
      <div className="max-w-3xl space-y-6 p-4 sm:p-8">
        <dl className="grid gap-5 rounded-xl border border-zinc-200 p-5 sm:grid-cols-3 dark:border-zinc-800">
          <Fact term="Likelihood">
            {risk.likelihood} · {LIKELIHOOD_LABELS[risk.likelihood - 1]}
          </Fact>
          <Fact term="Impact">
            {risk.impact} · {IMPACT_LABELS[risk.impact - 1]}
          </Fact>
          <Fact term="Severity">
            <span className="tabular-nums">
              {risk.likelihood} × {risk.impact} = {risk.severity}
            </span>{" "}
            <span className="text-zinc-500 dark:text-zinc-400">({bandLabel(risk.severity)})</span>
          </Fact>
          <Fact term="Category">{risk.category || none}</Fact>
          <Fact term="Owner">{risk.owner_name ?? <span className="text-zinc-400 dark:text-zinc-500">Nobody yet</span>}</Fact>
          <Fact term="Due date">
            {risk.due_date ? (
              <span className={risk.overdue ? "font-medium text-red-700 dark:text-red-300" : undefined}>{formatDate(risk.due_date)}</span>
            ) : (
              none
            )}
          </Fact>
          <Fact term="Linked initiative">
            {risk.initiative_id ? (
              <Link to={`${base}/initiatives/${risk.initiative_id}`} className={link}>
                {risk.initiative_title}
              </Link>
            ) : (
              none
            )}
          </Fact>
          <Fact term="Source">
            <SourceBadge source={risk.source} labelled={false} />
          </Fact>
          {risk.transcript_id ? (
            <Fact term="From transcript">
              <Link to={`${base}/transcripts/${risk.transcript_id}`} className={link}>
                {risk.transcript_title}
              </Link>
            </Fact>
          ) : null}
        </dl>
        {(
          [
            ["Description", risk.description],
            ["Mitigation", risk.mitigation],
          ] as const
        ).map(([label, text]) => (
          <section key={label}>
            <h2 className="text-sm font-semibold">{label}</h2>
            <p className="mt-1 text-sm whitespace-pre-wrap text-zinc-700 dark:text-zinc-300">{text || none}</p>
          </section>
        ))}
        <p className="flex flex-wrap justify-between gap-2 text-xs text-zinc-500 dark:text-zinc-400">
          <Link to={`${base}/risks`} className="hover:underline">
            ← All risks
          </Link>
          <span>
            Updated {formatDate(risk.updated_at)} · version {risk.version}
          </span>
        </p>
      </div>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
