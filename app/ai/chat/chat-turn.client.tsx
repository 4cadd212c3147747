import type { ProviderProblem } from "../provider-errors";
import type { Usage } from "../run-agent.client";
import { ProblemNotice } from "../components/problem-notice";
import { UsageLine } from "../components/usage-line";
import type { DataSource } from "../prompt";
import { citedSources, parseCitations } from "./citations";
import type { AskedQuestion } from "./conversation";

export interface ChatTurn extends AskedQuestion {
  id: number;
  answer: string;
  status: "streaming" | "done" | "stopped" | "failed";
  usage?: Usage;
  model?: string;
  problem?: ProviderProblem;
}

/** One question and its answer: the user's bubble, then the model's with linked citations and the sources it used. */
export function ChatTurnView({ turn, onRetry }: { turn: ChatTurn; onRetry?: () => void }) {
  return (
    <li className="space-y-3">
      <div className="flex justify-end">
        <p className="max-w-[85%] rounded-2xl rounded-br-sm bg-accent-600 px-4 py-2.5 whitespace-pre-wrap text-white shadow-sm">
          <span className="sr-only">You asked: </span>
          {turn.question}
        </p>
      </div>
      <article
        aria-label={`Answer to: ${turn.question.slice(0, 80)}`}
        aria-busy={turn.status === "streaming"}
        className="max-w-[92%] space-y-3 rounded-2xl rounded-bl-sm border border-zinc-200 bg-white px-4 py-3 shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
      >
        {turn.answer ? <AnswerText answer={turn.answer} sources={turn.sources} /> : null}
        {turn.status === "streaming" && !turn.answer ? (
          <p role="status" className="flex items-center gap-2 text-zinc-500">
            <span className="inline-block size-2 animate-pulse rounded-full bg-accent-600" aria-hidden="true" />
            Reading {turn.sources.length} {turn.sources.length === 1 ? "item" : "items"}…
          </p>
        ) : null}
        {turn.status === "stopped" ? (
          <p role="status" className="text-xs font-medium text-amber-700 dark:text-amber-400">
            Stopped{turn.answer ? ": the answer above is incomplete." : " before the answer began."}
          </p>
        ) : null}
        {turn.status === "failed" && turn.problem ? <ProblemNotice problem={turn.problem} onRetry={onRetry} /> : null}
        {turn.status !== "failed" ? <SourceList answer={turn.answer} sources={turn.sources} /> : null}
        <SentItems turn={turn} />
        {turn.status === "done" && turn.usage && turn.model ? <UsageLine usage={turn.usage} model={turn.model} /> : null}
      </article>
    </li>
  );
}

/** The answer as the model wrote it, each cited handle turned into a link to the item it names. */
function AnswerText({ answer, sources }: { answer: string; sources: readonly DataSource[] }) {
  return (
    <div className="leading-relaxed whitespace-pre-wrap">
      {parseCitations(answer, sources).map((part, index) =>
        part.type === "text" ? (
          <span key={index}>{part.text}</span>
        ) : part.source ? (
          <SourceLink key={index} source={part.source} />
        ) : (
          // A handle the model was never given: shown as written, linked to nothing.
          <span key={index} className="text-zinc-500">
            [{part.handle}]
          </span>
        ),
      )}
    </div>
  );
}

// Citations open in a new tab: the conversation lives only in this page and would be lost on leaving it.
function SourceLink({ source }: { source: DataSource }) {
  return (
    <a
      href={source.url}
      target="_blank"
      rel="noopener"
      title={`${source.title} (${source.kind})`}
      className="mx-0.5 inline-flex max-w-[16rem] items-baseline gap-1 rounded-md bg-accent-50 px-1.5 align-baseline text-xs font-medium text-accent-700 hover:underline dark:bg-accent-500/20 dark:text-zinc-100"
    >
      <span aria-hidden="true" className="text-accent-500 tabular-nums">
        {source.id}
      </span>
      <span className="truncate">{source.title}</span>
      <span className="sr-only">({source.kind}, opens in a new tab)</span>
    </a>
  );
}

function SourceList({ answer, sources }: { answer: string; sources: readonly DataSource[] }) {
  const cited = citedSources(answer, sources);
  if (cited.length === 0) return null;
  return (
    <section aria-label="Sources" className="border-t border-zinc-100 pt-2 dark:border-zinc-800">
      <h3 className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">Sources</h3>
      <ol className="mt-1 space-y-0.5 text-sm">
        {cited.map((source) => (
          <li key={source.id} className="flex gap-2">
            <span className="w-7 shrink-0 text-xs text-zinc-500 tabular-nums">{source.id}</span>
            <span className="min-w-0">
              <a href={source.url} target="_blank" rel="noopener" className="font-medium text-accent-700 underline-offset-2 hover:underline dark:text-zinc-100">
                {source.title}
              </a>{" "}
              <span className="text-xs text-zinc-500">{source.kind}</span>
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Every item that went out with the question, cited or not, so nothing sent is hidden. */
function SentItems({ turn }: { turn: ChatTurn }) {
  if (turn.sources.length === 0) return <p className="text-xs text-zinc-500">The workspace has no items yet, so the model had nothing to read.</p>;
  return (
    <details className="text-xs text-zinc-500">
      <summary className="cursor-pointer">
        {turn.matched
          ? `Picked ${turn.sources.length} matching ${turn.sources.length === 1 ? "item" : "items"} for this question`
          : `No item matched your words; the model read the workspace's first ${turn.sources.length} items`}
      </summary>
      <ul className="mt-1 space-y-0.5 pl-4">
        {turn.sources.map((source) => (
          <li key={source.id}>
            {source.id} ·{" "}
            <a href={source.url} target="_blank" rel="noopener" className="hover:underline">
              {source.title}
            </a>{" "}
            ({source.kind})
          </li>
        ))}
      </ul>
    </details>
  );
}
