import { getSelectProps, type FieldMetadata } from "@conform-to/react";
import { FieldErrors, inputClass } from "~/components/ui/field";
import { KIND_LABELS } from "./schema";

/** Meeting or note: a note is a document that was no meeting, kept with the transcripts (docs/decisions/012). */
export function KindField({ meta }: { meta: FieldMetadata<string> }) {
  return (
    <div>
      <label htmlFor={meta.id} className="mb-1 block text-sm font-medium">
        Kind
      </label>
      <select {...getSelectProps(meta)} key={meta.key} className={inputClass}>
        {Object.entries(KIND_LABELS).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <FieldErrors id={meta.errorId} errors={meta.errors} />
    </div>
  );
}
