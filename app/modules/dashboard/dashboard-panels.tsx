import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { InitiativeStatus } from "../../../db/schema";
import { formatDate } from "~/components/dates";
import { buttonClass } from "~/components/ui/button";
import { STATUS_LABELS } from "../initiatives/status";
import { SeverityBadge } from "../risks/risk-badges";

export function Panel({ title, viewAll, children }: { title: string; viewAll: { to: string; label: string }; children: ReactNode }) {
  const id = `panel-${title.toLowerCase().replace(/\W+/g, "-")}`;
  return (
    <section aria-labelledby={id} className="flex flex-col rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900/30">
      <div className="flex items-center justify-between gap-3 border-b border-zinc-100 px-5 py-3 dark:border-zinc-800/70">
        <h2 id={id} className="text-sm font-semibold">
          {title}
        </h2>
        <Link to={viewAll.to} className="text-xs font-medium text-accent-600 hover:underline dark:text-accent-500">
          {viewAll.label} →
        </Link>
      </div>
      <div className="flex-1 px-5 py-2">{children}</div>
    </section>
  );
}

/** A panel with nothing in it yet says what would appear there and offers the first step. */
export function PanelEmpty({ children, action }: { children: ReactNode; action?: { to: string; label: string } | null }) {
  return (
    <div className="flex flex-col items-start gap-3 py-6 text-sm text-zinc-600 dark:text-zinc-400">
      <p>{children}</p>
      {action ? (
        <Link to={action.to} className={buttonClass("secondary", "sm")}>
          {action.label}
        </Link>
      ) : null}
    </div>
  );
}

const rowLink = "font-medium text-zinc-900 hover:text-accent-600 hover:underline dark:text-zinc-100 dark:hover:text-accent-500";

interface NowItem {
  id: string;
  title: string;
  start_quarter: string | null;
  end_quarter: string | null;
  initiative_id: string | null;
  initiative_title: string | null;
  initiative_status: InitiativeStatus | null;
}

function quarters(item: Pick<NowItem, "start_quarter" | "end_quarter">) {
  const { start_quarter: start, end_quarter: end } = item;
  if (start && end && start !== end) return `${start} → ${end}`;
  return start ?? end ?? null;
}

export function NowLaneList({ slug, items }: { slug: string; items: ReadonlyArray<NowItem> }) {
  return (
    <ol className="divide-y divide-zinc-100 dark:divide-zinc-800/70">
      {items.map((item, index) => (
        <li key={item.id} className="flex items-start gap-3 py-2.5 text-sm">
          <span aria-hidden="true" className="mt-0.5 w-4 shrink-0 text-right text-xs text-zinc-400 tabular-nums">
            {index + 1}
          </span>
          <div className="min-w-0 flex-1">
            <Link to={`/w/${slug}/roadmap/${item.id}`} className={rowLink}>
              {item.title}
            </Link>
            {item.initiative_id ? (
              <p className="mt-0.5 truncate text-xs text-zinc-500">
                <Link to={`/w/${slug}/initiatives/${item.initiative_id}`} className="hover:underline">
                  {item.initiative_title}
                </Link>
                {item.initiative_status ? ` · ${STATUS_LABELS[item.initiative_status]}` : null}
              </p>
            ) : null}
          </div>
          {quarters(item) ? <span className="shrink-0 text-xs whitespace-nowrap text-zinc-500 tabular-nums">{quarters(item)}</span> : null}
        </li>
      ))}
    </ol>
  );
}

interface TopRisk {
  id: string;
  title: string;
  likelihood: number;
  impact: number;
  severity: number;
  category: string;
  due_date: string | null;
  owner_name: string | null;
}

export function TopRiskList({ slug, risks }: { slug: string; risks: ReadonlyArray<TopRisk> }) {
  return (
    <ol className="divide-y divide-zinc-100 dark:divide-zinc-800/70">
      {risks.map((risk) => {
        const details = [risk.category, risk.owner_name, risk.due_date ? `due ${formatDate(risk.due_date)}` : null].filter(Boolean);
        return (
          <li key={risk.id} className="flex items-start gap-3 py-2.5 text-sm">
            <span className="mt-px w-24 shrink-0">
              <SeverityBadge severity={risk.severity} />
            </span>
            <div className="min-w-0 flex-1">
              <Link to={`/w/${slug}/risks/${risk.id}`} className={rowLink}>
                {risk.title}
              </Link>
              <p className="mt-0.5 truncate text-xs text-zinc-500">
                L{risk.likelihood} × I{risk.impact}
                {details.length ? ` · ${details.join(" · ")}` : null}
              </p>
            </div>
          </li>
        );
      })}
    </ol>
  );
}

interface RecentTranscript {
  id: string;
  title: string;
  meeting_date: string | null;
  created_at: Date | string;
  attendee_count: number;
  decision_count: number;
  action_item_count: number;
}

function plural(count: number, one: string) {
  return `${count} ${one}${count === 1 ? "" : "s"}`;
}

export function TranscriptList({ slug, transcripts }: { slug: string; transcripts: ReadonlyArray<RecentTranscript> }) {
  return (
    <ol className="divide-y divide-zinc-100 dark:divide-zinc-800/70">
      {transcripts.map((transcript) => {
        const facts = [
          transcript.attendee_count ? plural(transcript.attendee_count, "attendee") : null,
          transcript.decision_count ? plural(transcript.decision_count, "decision") : null,
          transcript.action_item_count ? plural(transcript.action_item_count, "action item") : null,
        ].filter(Boolean);
        return (
          <li key={transcript.id} className="flex items-start gap-3 py-2.5 text-sm">
            <div className="min-w-0 flex-1">
              <Link to={`/w/${slug}/transcripts/${transcript.id}`} className={rowLink}>
                {transcript.title}
              </Link>
              {facts.length ? <p className="mt-0.5 truncate text-xs text-zinc-500">{facts.join(" · ")}</p> : null}
            </div>
            <span className="shrink-0 text-xs whitespace-nowrap text-zinc-500 tabular-nums">
              {formatDate(transcript.meeting_date ?? transcript.created_at)}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
