import { diffWords } from "diff";
import { VISION_FIELDS, type VisionInput } from "./schema";

export interface DiffPart {
  kind: "same" | "added" | "removed";
  text: string;
}

export interface FieldDiff {
  name: keyof VisionInput;
  label: string;
  changed: boolean;
  parts: DiffPart[];
}

/** What changed from one version to another, field by field, word by word. */
export function diffVisionVersions(from: VisionInput, to: VisionInput): FieldDiff[] {
  return VISION_FIELDS.map(({ name, label }) => {
    const before = from[name];
    const after = to[name];
    const parts: DiffPart[] =
      before === after
        ? [{ kind: "same", text: after }]
        : diffWords(before, after).map((change) => ({ kind: change.added ? "added" : change.removed ? "removed" : "same", text: change.value }));
    return { name, label, changed: before !== after, parts };
  });
}
