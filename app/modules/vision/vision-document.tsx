import type { ReactNode } from "react";
import type { VisionInput } from "./schema";

const BULLET = /^\s*(?:[-*•]|\d+[.)])\s+/;

/** Principles are written one per line, often as "Lead: explanation"; the lead becomes the heading. */
function splitPrinciples(text: string) {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(BULLET, "").trim())
    .filter(Boolean)
    .map((line) => {
      const colon = line.indexOf(": ");
      return colon > 0 && colon <= 60 ? { lead: line.slice(0, colon), rest: line.slice(colon + 2) } : { lead: "", rest: line };
    });
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section>
      <h2 className="text-xs font-semibold tracking-wider text-zinc-500 uppercase dark:text-zinc-400">{title}</h2>
      <div className="mt-2">{children}</div>
    </section>
  );
}

/** The vision as a page to read, not a form: the statement large, then what supports it. */
export function VisionDocument({ vision, footer }: { vision: VisionInput; footer?: ReactNode }) {
  const principles = splitPrinciples(vision.principles);
  return (
    <article className="mx-auto max-w-3xl space-y-10 px-4 py-8 sm:px-8 sm:py-12">
      <header>
        <p className="text-xs font-semibold tracking-wider text-accent-600 uppercase dark:text-accent-500">Vision statement</p>
        <p className="mt-3 text-2xl leading-snug font-semibold tracking-tight text-balance whitespace-pre-line sm:text-3xl">{vision.statement}</p>
      </header>

      {vision.north_star_metric ? (
        <div className="rounded-xl border border-accent-500/30 bg-accent-50 px-5 py-4 dark:border-accent-500/40 dark:bg-accent-500/10">
          <p className="text-xs font-semibold tracking-wider text-accent-700 uppercase dark:text-accent-500">North-star metric</p>
          <p className="mt-1 text-lg font-medium text-zinc-900 dark:text-zinc-100">{vision.north_star_metric}</p>
        </div>
      ) : null}

      {vision.mission ? (
        <Section title="Mission">
          <p className="text-lg leading-relaxed whitespace-pre-line text-zinc-800 dark:text-zinc-200">{vision.mission}</p>
        </Section>
      ) : null}

      {vision.target_customers ? (
        <Section title="Target customers">
          <p className="leading-relaxed whitespace-pre-line text-zinc-700 dark:text-zinc-300">{vision.target_customers}</p>
        </Section>
      ) : null}

      {principles.length ? (
        <Section title="Product principles">
          <ol className="space-y-3">
            {principles.map((principle, index) => (
              <li key={index} className="flex gap-3">
                <span aria-hidden="true" className="mt-0.5 grid size-6 shrink-0 place-items-center rounded-full bg-zinc-100 text-xs font-semibold text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">
                  {index + 1}
                </span>
                <p className="leading-relaxed text-zinc-700 dark:text-zinc-300">
                  {principle.lead ? <strong className="font-semibold text-zinc-900 dark:text-zinc-100">{principle.lead}: </strong> : null}
                  {principle.rest}
                </p>
              </li>
            ))}
          </ol>
        </Section>
      ) : null}

      {footer ? <footer className="border-t border-zinc-200 pt-4 text-xs text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">{footer}</footer> : null}
    </article>
  );
}
