import { useMemo, useState } from "react";
import { createRedaction, findPersonalData, type PersonalDataFinding } from "../personal-data";
import { estimateCost, estimateTokens } from "../pricing";
import { findInstructionLikeText } from "../prompt";
import { findingKey, type OutgoingPrompt } from "../use-outgoing-prompt";
import { buildChatMessages, chatSystemPrompt, messagesAsText, type AnsweredQuestion, type AskedQuestion, type ChatMessage } from "./conversation";

export const CHAT_MAX_OUTPUT_TOKENS = 1_500;
const CHAT_EXPECTED_OUTPUT_TOKENS = 500;

/** A chat request as the preview shows it and the run sends it. */
export interface OutgoingChat extends OutgoingPrompt {
  system: string;
  messages: ChatMessage[];
}

interface ChatRequest {
  history: readonly AnsweredQuestion[];
  next: AskedQuestion | null;
  /** Attendee names, flagged as personal data wherever they appear. */
  names: readonly string[];
  model: string;
}

/**
 * The request for the next question with the user's redactions applied to everything it carries
 * — earlier questions and answers too, so a name withheld once stays withheld for the conversation.
 */
export function composeOutgoingChat({ history, next, names, model }: ChatRequest, redacted: ReadonlySet<string>) {
  const turns: AskedQuestion[] = next ? [...history, next] : [...history];
  const texts = turns.flatMap((turn) => [turn.question, ...turn.sources.flatMap((source) => [source.title, source.text])]);
  const findings = findPersonalData([...texts, ...history.map((turn) => turn.answer)], names);
  const redaction = createRedaction(findings.filter((finding) => redacted.has(findingKey(finding))));
  const redactTurn = <Turn extends AskedQuestion>(turn: Turn): Turn => ({
    ...turn,
    question: redaction.apply(turn.question),
    sources: turn.sources.map((source) => ({ ...source, title: redaction.apply(source.title), text: redaction.apply(source.text) })),
  });
  const system = chatSystemPrompt();
  const messages = buildChatMessages(
    history.map((turn) => ({ ...redactTurn(turn), answer: redaction.apply(turn.answer) })),
    next ? redactTurn(next) : null,
  );
  const inputTokens = estimateTokens(system + messages.map((message) => message.content).join(""));
  return {
    system,
    messages,
    findings,
    redaction,
    instructionLike: findInstructionLikeText(turns.flatMap((turn) => turn.sources.map((source) => source.text))),
    estimate: { inputTokens, outputTokens: CHAT_EXPECTED_OUTPUT_TOKENS, cost: estimateCost(model, inputTokens, CHAT_EXPECTED_OUTPUT_TOKENS) },
  };
}

/** The chat's counterpart of `useOutgoingPrompt`: the preview and the run share one object, and redactions persist across questions. */
export function useOutgoingChat(request: ChatRequest): OutgoingChat & { compose: (request: ChatRequest) => ReturnType<typeof composeOutgoingChat> } {
  const { history, next, names, model } = request;
  const [redacted, setRedacted] = useState<ReadonlySet<string>>(new Set());
  const composed = useMemo(() => composeOutgoingChat({ history, next, names, model }, redacted), [history, next, names, model, redacted]);
  return {
    ...composed,
    prompt: { system: composed.system, prompt: messagesAsText(composed.messages) },
    redacted,
    toggle: (finding: PersonalDataFinding) =>
      setRedacted((current) => {
        const updated = new Set(current);
        if (!updated.delete(findingKey(finding))) updated.add(findingKey(finding));
        return updated;
      }),
    redactAll: () => setRedacted((current) => new Set([...current, ...composed.findings.map(findingKey)])),
    // A retry sends an earlier question again, under the redactions chosen now.
    compose: (other) => composeOutgoingChat(other, redacted),
  };
}

