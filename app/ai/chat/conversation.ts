import { DATA_RULES, quoteSource, type DataSource } from "../prompt";

/** What the chat sends: the AI SDK's plain-text message shape, without importing the SDK. */
export interface ChatMessage {
  role: "user" | "assistant";
  content: string;
}

/** A question with the workspace items picked for it, under their handles in this conversation. */
export interface AskedQuestion {
  question: string;
  sources: DataSource[];
  /** False when no item matched the question's words and the workspace's first items stand in. */
  matched: boolean;
}

export interface AnsweredQuestion extends AskedQuestion {
  answer: string;
}

// One line per rule, unwrapped: the model reads the newlines.
const CHAT_ROLE = [
  "You are Bearing's workspace assistant. You answer a product team's questions using only the items from their workspace that come with each question: vision, personas, competitors, initiatives, roadmap items, risks and meeting transcripts. Each item has a handle such as S3.",
  "",
  "- Base every statement on the items. After each sentence or list entry that uses an item, cite its handle in square brackets, like [S3], or [S2][S5] for several.",
  "- Cite only handles you were given, and never invent items, numbers, names or dates.",
  "- If the items do not answer the question, say so plainly, and say what the team could add to the workspace.",
  '- Be concise: the answer first, then the details that support it. Write plain text and use "- " for lists; no Markdown headings, tables or bold.',
  "- Placeholders such as [PERSON_1] or [EMAIL_2] stand for personal data the user withheld; write them as they are.",
].join("\n");

export function chatSystemPrompt(): string {
  return `${CHAT_ROLE}\n\n${DATA_RULES}`;
}

/**
 * Gives the items picked for a new question their handles: an item cited earlier in the
 * conversation keeps its handle, so earlier answers' citations still point at the right item;
 * new items continue the numbering.
 */
export function assignHandles(earlier: readonly AskedQuestion[], picked: readonly DataSource[]): DataSource[] {
  const handles = new Map<string, string>();
  for (const turn of earlier) for (const source of turn.sources) handles.set(source.url ?? source.title, source.id);
  let next = handles.size;
  return picked.map((source) => {
    const key = source.url ?? source.title;
    let handle = handles.get(key);
    if (!handle) {
      next += 1;
      handle = `S${next}`;
      handles.set(key, handle);
    }
    return { ...source, id: handle };
  });
}

/**
 * The whole conversation as messages: each question carries the items not quoted before it, and
 * names the ones it shares with earlier questions, so no item is sent twice in one request.
 */
export function buildChatMessages(history: readonly AnsweredQuestion[], next: AskedQuestion | null): ChatMessage[] {
  const quoted = new Set<string>();
  const messages: ChatMessage[] = [];
  for (const turn of history) {
    messages.push({ role: "user", content: questionMessage(turn, quoted) });
    messages.push({ role: "assistant", content: turn.answer.trim() || "(no answer)" });
  }
  if (next) messages.push({ role: "user", content: questionMessage(next, quoted) });
  return messages;
}

function questionMessage(turn: AskedQuestion, quoted: Set<string>): string {
  const fresh = turn.sources.filter((source) => !quoted.has(source.id));
  const again = turn.sources.filter((source) => quoted.has(source.id)).map((source) => source.id);
  for (const source of fresh) quoted.add(source.id);
  const lines = [`Question: ${turn.question}`, ""];
  if (turn.sources.length === 0) lines.push("The workspace has no items yet.");
  else if (!turn.matched) lines.push("No workspace item shares a word with this question; here are the workspace's first items.");
  if (fresh.length > 0) lines.push("Workspace items for this question:", ...fresh.map(quoteSource));
  if (again.length > 0) lines.push(`Items quoted earlier that also match: ${again.join(", ")}.`);
  return lines.join("\n");
}

/** The exact text of the messages, for "Show the exact text" in the preview. */
export function messagesAsText(messages: readonly ChatMessage[]): string {
  return messages.map((message) => `--- ${message.role === "user" ? "You" : "Assistant"} ---\n${message.content}`).join("\n\n");
}
