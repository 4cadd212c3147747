// ts_headline wraps each match in these two characters (Unicode private-use code points, which
// product text does not contain). The page splits on them and renders <mark> elements through
// React, which escapes everything else: no HTML from the database ever reaches the page as HTML.
export const MARK_START = "\uE000";
export const MARK_END = "\uE001";

export interface TextPart {
  text: string;
  marked: boolean;
}

/** "a \uE000b\uE001 c" → [{a }, {b, marked}, { c}]. Unbalanced markers leave the rest unmarked. */
export function splitHighlights(text: string): TextPart[] {
  const parts: TextPart[] = [];
  const [head = "", ...marked] = text.split(MARK_START);
  if (head) parts.push({ text: head, marked: false });
  for (const piece of marked) {
    const end = piece.indexOf(MARK_END);
    if (end === -1) {
      if (piece) parts.push({ text: piece, marked: false });
      continue;
    }
    const [hit, rest] = [piece.slice(0, end), piece.slice(end + 1).replaceAll(MARK_END, "")];
    if (hit) parts.push({ text: hit, marked: true });
    if (rest) parts.push({ text: rest, marked: false });
  }
  return parts;
}
