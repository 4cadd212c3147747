import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Alert } from "~/components/ui/alert";
import { buttonClass } from "~/components/ui/button";
import { ProviderChoice } from "../components/provider-choice.client";
import { corpusSources } from "../corpus-sources";
import { diagnoseProblem } from "../diagnose-problem";
import type { ProviderConfig } from "../language-model.client";
import { restorePlaceholders } from "../personal-data";
import { PROVIDERS } from "../providers";
import { runTextAgent } from "../run-agent.client";
import { useWorkspaceCorpus } from "../use-workspace-corpus";
import { ChatComposer } from "./chat-composer.client";
import { ChatTurnView, type ChatTurn } from "./chat-turn.client";
import { assignHandles, type AskedQuestion, type ChatMessage } from "./conversation";
import { buildSourceIndex, retrieveSources, type SourceIndex } from "./retrieve";
import { CHAT_MAX_OUTPUT_TOKENS, useOutgoingChat } from "./use-outgoing-chat";
import { reportAgentRun } from "~/modules/usage/report-usage";

const ALL_KINDS = ["vision", "initiatives", "roadmap", "risks", "transcripts", "personas", "competitors"] as const;

const SUGGESTED_QUESTIONS = [
  "What are our biggest open risks, and how are we mitigating them?",
  "Which initiatives matter most to our personas?",
  "What did we decide in recent meetings?",
  "How does our roadmap support the vision?",
  "Where are competitors stronger than us?",
];

/** Stopped answers stay in the conversation (the model sees what it had said); failed questions do not. */
const answered = (turn: ChatTurn) => turn.status === "done" || (turn.status === "stopped" && turn.answer !== "");

function ask(question: string, index: SourceIndex, earlier: readonly ChatTurn[]): AskedQuestion {
  const { sources, matched } = retrieveSources(index, question, { earlierQuestions: earlier.map((turn) => turn.question) });
  return { question, sources: assignHandles(earlier, sources), matched };
}

/**
 * "Ask the workspace" (PRODUCT.md §4): a chat whose answers cite the workspace items they use.
 * Everything happens in this browser: the items are ranked here, the question goes straight to the
 * user's provider, and the conversation lives in this component's state only, never stored or posted.
 */
export default function WorkspaceChat({ slug, workspaceName }: { slug: string; workspaceName: string }) {
  const { corpus, error } = useWorkspaceCorpus(slug);
  const index = useMemo(() => buildSourceIndex(corpus ? corpusSources(corpus, ALL_KINDS, Number.POSITIVE_INFINITY) : []), [corpus]);
  const names = useMemo(() => corpus?.transcripts.flatMap((transcript) => transcript.attendees) ?? [], [corpus]);
  const [config, setConfig] = useState<ProviderConfig | null>(null);
  const [turns, setTurns] = useState<ChatTurn[]>([]);
  const [draft, setDraft] = useState("");
  const controller = useRef<AbortController | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const nextId = useRef(1);
  const conversationEnd = useRef<HTMLDivElement>(null);

  const history = useMemo(() => turns.filter(answered), [turns]);
  const question = draft.trim();
  const next = useMemo(() => (corpus && question ? ask(question, index, turns) : null), [corpus, question, index, turns]);
  const outgoing = useOutgoingChat({ history, next, names, model: config?.model ?? "" });
  const streaming = turns.some((turn) => turn.status === "streaming");
  useEffect(() => {
    // A block body: newer browsers return a promise from scrollIntoView, which React would take for a cleanup.
    conversationEnd.current?.scrollIntoView({ block: "end", behavior: "smooth" });
  }, [turns.length]);
  // Leaving the page ends the answer being streamed: nobody is left to read it.
  useEffect(() => () => controller.current?.abort(), []);

  const stream = useCallback(
    async (id: number, request: { system: string; messages: ChatMessage[]; redaction: { placeholders: Map<string, string> } }, provider: ProviderConfig) => {
      const abort = new AbortController();
      controller.current = abort;
      const patch = (changes: Partial<ChatTurn>) => setTurns((current) => current.map((turn) => (turn.id === id ? { ...turn, ...changes } : turn)));
      const { placeholders } = request.redaction;
      patch({ status: "streaming", answer: "", problem: undefined });
      reportAgentRun("chat");
      try {
        const { text, usage } = await runTextAgent(
          { config: provider, signal: abort.signal, maxOutputTokens: CHAT_MAX_OUTPUT_TOKENS },
          request.system,
          request.messages,
          (sofar) => patch({ answer: restorePlaceholders(sofar, placeholders) }),
        );
        if (abort.signal.aborted) patch({ status: "stopped" });
        else patch({ status: "done", answer: restorePlaceholders(text, placeholders), usage, model: provider.model });
      } catch (failure) {
        if (abort.signal.aborted) patch({ status: "stopped" });
        else patch({ status: "failed", problem: await diagnoseProblem(failure, provider) });
      }
    },
    [],
  );

  const send = () => {
    if (!next || !config || streaming) return;
    const turn: ChatTurn = { ...next, id: nextId.current++, answer: "", status: "streaming" };
    setTurns((current) => [...current, turn]);
    setDraft("");
    void stream(turn.id, outgoing, config);
  };

  const retry = (turn: ChatTurn) => {
    if (!config || streaming) return;
    const before = turns.slice(0, turns.indexOf(turn)).filter(answered);
    void stream(turn.id, outgoing.compose({ history: before, next: turn, names, model: config.model }), config);
  };

  const suggest = (text: string) => {
    setDraft(text);
    textarea.current?.focus();
  };

  const blocked = !config ? "Choose an AI provider above to ask a question." : !corpus ? "Loading the workspace…" : null;
  const last = turns.at(-1);
  return (
    <div className="flex min-h-[calc(100dvh-10rem)] flex-col gap-4">
      <section aria-label="AI provider" className="rounded-xl border border-zinc-200 p-3 text-sm sm:p-4 dark:border-zinc-800">
        <ProviderChoice onChange={setConfig} />
      </section>
      {error ? <Alert tone="error">{error}</Alert> : null}

      <div className="flex-1">
        {turns.length === 0 ? (
          <EmptyChat workspaceName={workspaceName} onSuggest={suggest} empty={corpus !== null && index.documents.length === 0} />
        ) : (
          <>
            <div className="mb-3 flex justify-end">
              <button type="button" className={buttonClass("ghost", "sm")} disabled={streaming} onClick={() => setTurns([])}>
                New conversation
              </button>
            </div>
            <ol aria-label="Conversation" className="space-y-6 pb-2">
              {turns.map((turn) => (
                <ChatTurnView key={turn.id} turn={turn} onRetry={turn === last && turn.status === "failed" && config ? () => retry(turn) : undefined} />
              ))}
            </ol>
            {/* Scrolled to when a question is sent; the margin keeps it clear of the sticky composer. */}
            <div ref={conversationEnd} className="scroll-mb-48" />
          </>
        )}
      </div>

      <ChatComposer
        ref={textarea}
        draft={draft}
        onDraftChange={setDraft}
        onSend={send}
        onStop={() => controller.current?.abort()}
        streaming={streaming}
        blocked={blocked}
        outgoing={next ? outgoing : null}
        itemCount={next?.sources.length ?? 0}
        destination={config ? `${PROVIDERS[config.provider].label} (${config.model})` : null}
      />
    </div>
  );
}

function EmptyChat({ workspaceName, onSuggest, empty }: { workspaceName: string; onSuggest: (question: string) => void; empty: boolean }) {
  return (
    <div className="mx-auto max-w-xl py-6 text-center sm:py-10">
      <p aria-hidden="true" className="text-3xl text-accent-600">
        ✦
      </p>
      <h2 className="mt-2 text-lg font-semibold">Ask anything about {workspaceName}</h2>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        {empty
          ? "This workspace has no items yet: add initiatives, risks or transcripts first, and answers will cite them."
          : "Answers come from your vision, personas, competitors, initiatives, roadmap, risks and meeting transcripts, with a link to every item they use."}
      </p>
      <ul aria-label="Suggested questions" className="mt-5 flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:justify-center">
        {SUGGESTED_QUESTIONS.map((suggestion) => (
          <li key={suggestion}>
            <button
              type="button"
              onClick={() => onSuggest(suggestion)}
              className="w-full rounded-full border border-zinc-300 bg-white px-3 py-1.5 text-left text-sm text-zinc-700 hover:border-accent-500 hover:text-accent-700 sm:w-auto dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300 dark:hover:text-zinc-100"
            >
              {suggestion}
            </button>
          </li>
        ))}
      </ul>
      <p className="mt-6 text-xs text-zinc-500">The conversation stays in this tab: it is not saved, and Bearing&rsquo;s server never sees it.</p>
    </div>
  );
}
