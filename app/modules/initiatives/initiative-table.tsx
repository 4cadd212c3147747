import { Link } from "@remix-run/react";
import { formatDate } from "~/components/dates";
import type { InitiativeStatus } from "../../../db/schema";
import { listSearch, SORTS, type ListParams, type Sort } from "./list-params";
import { ScoreWithFormula } from "./score-with-formula";
import type { Framework, ScoreValues } from "./scoring";
import { StatusBadge } from "./status-badge";

export interface InitiativeRow extends ScoreValues {
  id: string;
  title: string;
  status: InitiativeStatus;
  tags: string[];
  target_quarter: string | null;
  owner_name: string | null;
  updated_at: Date | string;
}

function SortHeader({ base, params, sort, children, className = "" }: { base: string; params: ListParams; sort: Sort; children: string; className?: string }) {
  const active = params.sort === sort;
  const dir = active ? (params.dir === "asc" ? "desc" : "asc") : SORTS[sort].dir;
  return (
    <th scope="col" aria-sort={active ? (params.dir === "asc" ? "ascending" : "descending") : undefined} className={`px-3 py-2 font-medium ${className}`}>
      <Link to={`${base}${listSearch(params, { sort, dir, page: 1 })}`} className="inline-flex items-center gap-1 hover:text-zinc-900 dark:hover:text-zinc-100">
        {children}
        <span aria-hidden="true" className={active ? "" : "invisible"}>
          {params.dir === "asc" ? "↑" : "↓"}
        </span>
      </Link>
    </th>
  );
}

export function InitiativeTable({ base, params, rows, framework }: { base: string; params: ListParams; rows: readonly InitiativeRow[]; framework: Framework }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-zinc-200 dark:border-zinc-800">
      <table className="w-full text-left text-sm">
        <thead className="bg-zinc-50 text-xs text-zinc-500 dark:bg-zinc-900 dark:text-zinc-400">
          <tr>
            <SortHeader base={base} params={params} sort="title">
              Title
            </SortHeader>
            <SortHeader base={base} params={params} sort="status">
              Status
            </SortHeader>
            <th scope="col" className="px-3 py-2 font-medium">
              Owner
            </th>
            <SortHeader base={base} params={params} sort="quarter">
              Quarter
            </SortHeader>
            <SortHeader base={base} params={params} sort="score">
              Score
            </SortHeader>
            <SortHeader base={base} params={params} sort="updated" className="hidden md:table-cell">
              Updated
            </SortHeader>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {rows.map((row) => (
            <tr key={row.id} className="align-top hover:bg-zinc-50 dark:hover:bg-zinc-900/60">
              <td className="max-w-md px-3 py-2.5">
                <Link to={`${base}/${row.id}`} className="font-medium hover:text-accent-600 hover:underline dark:hover:text-accent-500">
                  {row.title}
                </Link>
                {row.tags.length > 0 ? (
                  <div className="mt-1 flex flex-wrap gap-1">
                    {row.tags.map((tag) => (
                      <Link
                        key={tag}
                        to={`${base}${listSearch(params, { tag, page: 1 })}`}
                        className="rounded-md bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-600 hover:bg-zinc-200 dark:bg-zinc-800 dark:text-zinc-300 dark:hover:bg-zinc-700"
                      >
                        {tag}
                      </Link>
                    ))}
                  </div>
                ) : null}
              </td>
              <td className="px-3 py-2.5">
                <StatusBadge status={row.status} />
              </td>
              <td className="px-3 py-2.5 whitespace-nowrap text-zinc-700 dark:text-zinc-300">{row.owner_name ?? <span className="text-zinc-400">—</span>}</td>
              <td className="px-3 py-2.5 whitespace-nowrap tabular-nums">{row.target_quarter ?? <span className="text-zinc-400">—</span>}</td>
              <td className="px-3 py-2.5">
                <ScoreWithFormula framework={framework} values={row} compact />
              </td>
              <td className="hidden px-3 py-2.5 whitespace-nowrap text-zinc-500 md:table-cell dark:text-zinc-400">{formatDate(row.updated_at)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
