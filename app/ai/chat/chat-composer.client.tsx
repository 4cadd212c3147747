import { forwardRef, type KeyboardEvent } from "react";
import { Button } from "~/components/ui/button";
import { SendPreview } from "../components/send-preview";
import { formatCost } from "../pricing";
import { findingKey } from "../use-outgoing-prompt";
import type { OutgoingChat } from "./use-outgoing-chat";

interface ComposerProps {
  draft: string;
  onDraftChange: (draft: string) => void;
  onSend: () => void;
  onStop: () => void;
  streaming: boolean;
  /** Why a question cannot be sent yet, if it cannot. */
  blocked: string | null;
  /** What the typed question would send; null while nothing is typed. */
  outgoing: OutgoingChat | null;
  itemCount: number;
  destination: string | null;
}

/**
 * The question box at the bottom of the chat, with what the question would send right above it:
 * an estimate always in view, and the full preview (personal data, redaction, exact text) one click away.
 */
export const ChatComposer = forwardRef<HTMLTextAreaElement, ComposerProps>(function ChatComposer(
  { draft, onDraftChange, onSend, onStop, streaming, blocked, outgoing, itemCount, destination },
  textarea,
) {
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter sends, Shift+Enter starts a new line; an IME composing a word keeps its Enter.
    if (event.key !== "Enter" || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    if (!streaming && !blocked && draft.trim()) onSend();
  };
  return (
    <div className="sticky bottom-0 z-10 -mx-4 border-t border-zinc-200 bg-white px-4 pt-3 pb-4 sm:-mx-8 sm:px-8 dark:border-zinc-800 dark:bg-zinc-950">
      <PreviewBar outgoing={outgoing} itemCount={itemCount} destination={destination} />
      <form
        className="mt-2 flex items-end gap-2"
        onSubmit={(event) => {
          // Nothing is ever posted: the question goes from this browser to the AI provider only.
          event.preventDefault();
          if (!streaming && !blocked && draft.trim()) onSend();
        }}
      >
        <label htmlFor="chat-question" className="sr-only">
          Ask a question
        </label>
        <textarea
          id="chat-question"
          ref={textarea}
          rows={2}
          value={draft}
          onChange={(event) => onDraftChange(event.target.value)}
          onKeyDown={onKeyDown}
          placeholder="Ask about your initiatives, roadmap, risks, meetings…"
          aria-describedby={blocked ? "chat-blocked" : "chat-hint"}
          className="block max-h-48 min-h-[2.75rem] w-full resize-y rounded-xl border border-zinc-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-zinc-400 focus:border-accent-500 dark:border-zinc-700 dark:bg-zinc-900"
        />
        {streaming ? (
          <Button type="button" variant="danger" onClick={onStop}>
            Stop
          </Button>
        ) : (
          <Button type="submit" disabled={Boolean(blocked) || !draft.trim()}>
            Send
          </Button>
        )}
      </form>
      {blocked ? (
        <p id="chat-blocked" className="mt-1 text-xs text-zinc-500">
          {blocked}
        </p>
      ) : (
        <p id="chat-hint" className="mt-1 hidden text-xs text-zinc-500 sm:block">
          Enter to send · Shift+Enter for a new line
        </p>
      )}
    </div>
  );
});

function PreviewBar({ outgoing, itemCount, destination }: { outgoing: OutgoingChat | null; itemCount: number; destination: string | null }) {
  if (!outgoing) {
    return <p className="text-xs text-zinc-500">Type a question: the items sent with it are picked here, in your browser, and shown before you send.</p>;
  }
  const unredacted = outgoing.findings.filter((finding) => !outgoing.redacted.has(findingKey(finding))).length;
  return (
    <details className="group text-xs">
      <summary className="flex cursor-pointer flex-wrap items-center gap-x-2 gap-y-1 text-zinc-600 dark:text-zinc-400">
        <span className="font-medium text-zinc-800 group-open:underline dark:text-zinc-200">What leaves this browser</span>
        <span>
          {itemCount} {itemCount === 1 ? "item" : "items"} · ≈ {outgoing.estimate.inputTokens.toLocaleString("en")} tokens · {formatCost(outgoing.estimate.cost)}
        </span>
        {unredacted > 0 ? (
          <span className="rounded-full border border-amber-300 bg-amber-50 px-2 py-0.5 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
            {unredacted} personal data {unredacted === 1 ? "item" : "items"} · review
          </span>
        ) : null}
      </summary>
      <div className="mt-2 max-h-[50dvh] overflow-y-auto text-sm">
        <SendPreview outgoing={outgoing} destination={destination} />
      </div>
    </details>
  );
}
