export interface SpeakerColour {
  /** For the speaker's name. */
  name: string;
  /** For the round badge with their initials. */
  avatar: string;
}

// Ordered so that the first speakers of a meeting get the most distinct hues. Written out in full
// so Tailwind finds every class.
const PALETTE: ReadonlyArray<SpeakerColour> = [
  { name: "text-sky-700 dark:text-sky-300", avatar: "bg-sky-100 text-sky-800 dark:bg-sky-900/70 dark:text-sky-200" },
  { name: "text-amber-700 dark:text-amber-300", avatar: "bg-amber-100 text-amber-800 dark:bg-amber-900/70 dark:text-amber-200" },
  { name: "text-emerald-700 dark:text-emerald-300", avatar: "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/70 dark:text-emerald-200" },
  { name: "text-rose-700 dark:text-rose-300", avatar: "bg-rose-100 text-rose-800 dark:bg-rose-900/70 dark:text-rose-200" },
  { name: "text-violet-700 dark:text-violet-300", avatar: "bg-violet-100 text-violet-800 dark:bg-violet-900/70 dark:text-violet-200" },
  { name: "text-lime-700 dark:text-lime-300", avatar: "bg-lime-100 text-lime-800 dark:bg-lime-900/70 dark:text-lime-200" },
  { name: "text-orange-700 dark:text-orange-300", avatar: "bg-orange-100 text-orange-800 dark:bg-orange-900/70 dark:text-orange-200" },
  { name: "text-fuchsia-700 dark:text-fuchsia-300", avatar: "bg-fuchsia-100 text-fuchsia-800 dark:bg-fuchsia-900/70 dark:text-fuchsia-200" },
];

const UNKNOWN: SpeakerColour = { name: "text-zinc-600 dark:text-zinc-300", avatar: "bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300" };

/**
 * One colour per speaker for the whole page (avatar, name, attendee chip), handed out in order of
 * first appearance so that the people of one meeting are told apart; past eight, colours repeat.
 */
export function speakerColours(speakers: ReadonlyArray<string>): (speaker: string | null) => SpeakerColour {
  const taken = new Map<string, SpeakerColour>();
  for (const speaker of speakers) {
    const key = speaker.toLocaleLowerCase();
    if (!taken.has(key)) taken.set(key, PALETTE[taken.size % PALETTE.length]!);
  }
  return (speaker) => (speaker ? (taken.get(speaker.toLocaleLowerCase()) ?? UNKNOWN) : UNKNOWN);
}

export function initials(name: string): string {
  const words = name.split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0]!, words.at(-1)!] : words;
  return letters.map((word) => [...word][0]!.toLocaleUpperCase()).join("");
}
