import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { ThreatLevel } from "../../../db/schema";
import { ThreatBadge } from "./threat-badge";
import { WebsiteLink } from "./website-link";

export interface ComparedCompetitor {
  id: string;
  name: string;
  website: string;
  threat_level: ThreatLevel;
  positioning: string;
  strengths: string;
  weaknesses: string;
  pricing_notes: string;
}

const ROWS: ReadonlyArray<{
  label: string;
  cell: (c: ComparedCompetitor) => ReactNode;
}> = [
  {
    label: "Threat level",
    cell: (c) => <ThreatBadge level={c.threat_level} />,
  },
  { label: "Website", cell: (c) => <WebsiteLink website={c.website} /> },
  { label: "Positioning", cell: (c) => c.positioning },
  { label: "Strengths", cell: (c) => c.strengths },
  { label: "Weaknesses", cell: (c) => c.weaknesses },
  { label: "Pricing notes", cell: (c) => c.pricing_notes },
];

// Written out in full (not computed) so Tailwind sees them; inline styles are barred by our CSP.
// 8rem of labels plus 12rem per competitor: below that width, the frame scrolls.
const MIN_WIDTH: Record<number, string> = {
  2: "min-w-[32rem]",
  3: "min-w-[44rem]",
  4: "min-w-[56rem]",
};

/**
 * One column per competitor, one row per attribute. Below the table's natural width (a phone) the
 * frame scrolls sideways while the attribute names stay pinned on the left.
 */
export function ComparisonTable({
  competitors,
  hrefFor,
  removeHref,
}: {
  competitors: ComparedCompetitor[];
  hrefFor: (id: string) => string;
  removeHref?: (id: string) => string;
}) {
  return (
    <div>
      <p className="mb-2 text-xs text-zinc-500 md:hidden">Scroll the table sideways to see every competitor.</p>
      <div
        className="relative overflow-x-auto rounded-xl border border-zinc-200 dark:border-zinc-800"
        tabIndex={0}
        role="region"
        aria-label="Comparison, scrolls sideways"
      >
        <table className={`w-full table-fixed border-collapse text-left text-sm ${MIN_WIDTH[competitors.length] ?? "min-w-[56rem]"}`}>
          <caption className="sr-only">Comparison of {competitors.map((c) => c.name).join(", ")}</caption>
          <thead>
            <tr className="border-b border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900">
              <td className="sticky left-0 z-10 w-32 bg-zinc-50 dark:bg-zinc-900" />
              {competitors.map((c) => (
                <th key={c.id} scope="col" className="px-4 py-3 align-top font-semibold">
                  <Link to={hrefFor(c.id)} className="hover:text-accent-600 hover:underline dark:hover:text-accent-500">
                    {c.name}
                  </Link>
                  {removeHref ? (
                    <Link to={removeHref(c.id)} className="mt-0.5 block text-xs font-normal text-zinc-500 hover:underline">
                      Remove
                      <span className="sr-only"> {c.name} from the comparison</span>
                    </Link>
                  ) : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="align-top">
            {ROWS.map((row) => (
              <tr key={row.label} className="border-b border-zinc-200 last:border-0 dark:border-zinc-800">
                <th scope="row" className="sticky left-0 z-10 bg-white px-4 py-3 font-medium text-zinc-600 dark:bg-zinc-950 dark:text-zinc-400">
                  {row.label}
                </th>
                {competitors.map((c) => (
                  <td key={c.id} className="px-4 py-3 whitespace-pre-wrap text-zinc-800 dark:text-zinc-200">
                    {row.cell(c) || <span className="text-zinc-400">—</span>}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
