import type { FieldMetadata } from "@conform-to/react";
import { SelectField } from "~/components/ui/field";
import { KIND_LABELS } from "./schema";

const KIND_OPTIONS = Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }));

/** Meeting or note: a note is a document that was no meeting, kept with the transcripts (docs/decisions/012). */
export function KindField({ meta }: { meta: FieldMetadata<string> }) {
  return <SelectField label="Kind" meta={meta} options={KIND_OPTIONS} />;
}
