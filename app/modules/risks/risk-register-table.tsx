import { Link } from "@remix-run/react";
import { formatDate } from "~/components/dates";
import type { RiskStatus } from "../../../db/schema";
import { OverdueFlag, SeverityBadge, SourceBadge, StatusBadge } from "./risk-badges";
import { riskFilterSearch, type RiskFilter } from "./risk-filter";

export interface RegisterRow {
  id: string;
  title: string;
  category: string;
  likelihood: number;
  impact: number;
  severity: number;
  status: RiskStatus;
  due_date: string | null;
  source: string;
  owner_name: string | null;
  overdue: boolean;
}

const th = "px-3 py-2.5 text-left text-xs font-medium text-zinc-500 dark:text-zinc-400";
const td = "px-3 py-3 align-top";

function DueDate({ date, overdue }: { date: string; overdue: boolean }) {
  return (
    <>
      <span className={overdue ? "font-medium text-red-700 dark:text-red-300" : "text-zinc-700 dark:text-zinc-300"}>{formatDate(date)}</span>
      {overdue ? <OverdueFlag /> : null}
    </>
  );
}

export function RiskRegisterTable({ rows, base }: { rows: readonly RegisterRow[]; base: string }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-zinc-200 dark:border-zinc-800">
      <table className="w-full text-sm">
        <caption className="sr-only">Risk register, most severe first, then soonest due</caption>
        <thead className="border-b border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900/60">
          <tr>
            <th scope="col" className={th}>
              Severity
            </th>
            <th scope="col" className={th}>
              Risk
            </th>
            <th scope="col" className={`${th} hidden md:table-cell`}>
              <abbr title="Likelihood × impact" className="no-underline">
                L × I
              </abbr>
            </th>
            <th scope="col" className={`${th} hidden sm:table-cell`}>
              Status
            </th>
            <th scope="col" className={`${th} hidden lg:table-cell`}>
              Owner
            </th>
            <th scope="col" className={`${th} hidden sm:table-cell`}>
              Due
            </th>
            <th scope="col" className={`${th} hidden md:table-cell`}>
              Source
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {rows.map((risk) => (
            <tr key={risk.id} className="hover:bg-zinc-50 dark:hover:bg-zinc-900/50">
              <td className={td}>
                <SeverityBadge severity={risk.severity} />
              </td>
              <td className={`${td} min-w-48`}>
                <Link to={`${base}/${risk.id}`} className="font-medium hover:text-accent-600 hover:underline dark:hover:text-accent-500">
                  {risk.title}
                </Link>
                {risk.category ? <p className="mt-0.5 text-xs text-zinc-500 dark:text-zinc-400">{risk.category}</p> : null}
                {/* On a phone the status and due columns fold in here. */}
                <div className="mt-1.5 flex flex-wrap items-center gap-1.5 text-xs sm:hidden">
                  <StatusBadge status={risk.status} />
                  {risk.due_date ? <DueDate date={risk.due_date} overdue={risk.overdue} /> : null}
                </div>
              </td>
              <td className={`${td} hidden whitespace-nowrap text-zinc-600 tabular-nums md:table-cell dark:text-zinc-400`}>
                <span className="sr-only">Likelihood {risk.likelihood}, impact {risk.impact}</span>
                <span aria-hidden="true">
                  {risk.likelihood} × {risk.impact}
                </span>
              </td>
              <td className={`${td} hidden sm:table-cell`}>
                <StatusBadge status={risk.status} />
              </td>
              <td className={`${td} hidden whitespace-nowrap text-zinc-700 lg:table-cell dark:text-zinc-300`}>
                {risk.owner_name ?? <span className="text-zinc-400 dark:text-zinc-500">Nobody yet</span>}
              </td>
              <td className={`${td} hidden whitespace-nowrap sm:table-cell`}>
                {risk.due_date ? (
                  <span className="flex flex-col items-start gap-1">
                    <DueDate date={risk.due_date} overdue={risk.overdue} />
                  </span>
                ) : (
                  <span className="text-zinc-400 dark:text-zinc-500">—</span>
                )}
              </td>
              <td className={`${td} hidden md:table-cell`}>
                <SourceBadge source={risk.source} labelled={false} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "Showing 51–100 of 20,000" and links to the pages either side, keeping every filter. */
export function RegisterPagination({ filter, total, pageSize, base }: { filter: RiskFilter; total: number; pageSize: number; base: string }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = (filter.page - 1) * pageSize + 1;
  const last = Math.min(total, filter.page * pageSize);
  const link = "rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-800";
  return (
    <nav aria-label="Register pages" className="flex flex-wrap items-center justify-between gap-3 text-sm text-zinc-600 dark:text-zinc-400">
      <p>
        {total === 0 ? "No risks" : `Showing ${first.toLocaleString("en")}–${last.toLocaleString("en")} of ${total.toLocaleString("en")}`}
        {pages > 1 ? ` · page ${filter.page} of ${pages.toLocaleString("en")}` : ""}
      </p>
      {pages > 1 ? (
        <div className="flex gap-2">
          {filter.page > 1 ? (
            <Link to={base + riskFilterSearch(filter, { page: filter.page - 1 })} className={link} rel="prev">
              ← Previous
            </Link>
          ) : null}
          {filter.page < pages ? (
            <Link to={base + riskFilterSearch(filter, { page: filter.page + 1 })} className={link} rel="next">
              Next →
            </Link>
          ) : null}
        </div>
      ) : null}
    </nav>
  );
}
