import { SafeMarkdown } from "~/components/safe-markdown";
import type { TranscriptFormat, TranscriptSegment } from "../../../db/schema";
import { formatTimestamp, mergeConsecutiveSpeakers } from "./parse-captions";
import { initials, type SpeakerColour } from "./speaker-colours";

/** A transcript as people read it: a conversation for caption files, paragraphs for text. */
export function TranscriptBody({
  format,
  content,
  segments,
  colourOf,
}: {
  format: TranscriptFormat;
  content: string;
  segments: TranscriptSegment[] | null;
  colourOf: (speaker: string | null) => SpeakerColour;
}) {
  if (segments) return <Conversation segments={segments} colourOf={colourOf} />;
  if (format === "markdown") return <SafeMarkdown>{content}</SafeMarkdown>;
  return <PlainTranscript content={content} />;
}

function Conversation({ segments, colourOf }: { segments: TranscriptSegment[]; colourOf: (speaker: string | null) => SpeakerColour }) {
  const turns = mergeConsecutiveSpeakers(segments);
  // Past the hour every stamp carries hours, so the column lines up.
  const style = (segments.at(-1)?.end ?? 0) >= 3600 ? "hours" : "auto";
  return (
    <ol className="space-y-5">
      {turns.map((turn, index) => {
        const colour = colourOf(turn.speaker);
        const anchor = `t-${Math.floor(turn.start)}-${index}`;
        return (
          <li key={anchor} id={anchor} className="flex gap-3 scroll-mt-4">
            <span aria-hidden="true" className={`mt-0.5 grid size-8 shrink-0 place-items-center rounded-full text-xs font-semibold ${colour.avatar}`}>
              {turn.speaker ? initials(turn.speaker) : "…"}
            </span>
            <div className="min-w-0">
              <p className="flex flex-wrap items-baseline gap-x-2 text-sm">
                {turn.speaker ? <span className={`font-semibold ${colour.name}`}>{turn.speaker}</span> : <span className="text-zinc-500">Unknown speaker</span>}
                <a href={`#${anchor}`} className="font-mono text-xs text-zinc-500 tabular-nums hover:underline" title="Link to this moment">
                  {formatTimestamp(turn.start, style)}
                </a>
              </p>
              <p className="mt-0.5 text-sm leading-relaxed text-zinc-800 dark:text-zinc-200">{turn.text}</p>
            </div>
          </li>
        );
      })}
    </ol>
  );
}

function PlainTranscript({ content }: { content: string }) {
  const paragraphs = content.split(/\r?\n\s*\r?\n/).map((p) => p.trim()).filter(Boolean);
  return (
    <div className="space-y-4 text-sm leading-relaxed text-zinc-800 dark:text-zinc-200">
      {paragraphs.map((paragraph, index) => (
        <p key={index} className="whitespace-pre-line">
          {paragraph}
        </p>
      ))}
    </div>
  );
}
