import { getCollectionProps, type FieldMetadata } from "@conform-to/react";
import { FieldErrors, labelClass } from "~/components/ui/field";

/**
 * A 1–5 rating as five labelled radio buttons ("4 · Likely"), so everyone who rates reads the same
 * scale. Plain radios: arrow keys move between them and they post without JavaScript.
 */
export function RiskScoreField({ legend, meta, labels }: { legend: string; meta: FieldMetadata<number | undefined>; labels: readonly string[] }) {
  const options = getCollectionProps(meta, { type: "radio", options: ["1", "2", "3", "4", "5"] });
  return (
    <fieldset aria-invalid={meta.errors ? true : undefined} aria-describedby={meta.errors ? meta.errorId : undefined}>
      <legend className={labelClass}>{legend}</legend>
      <div className={`grid grid-cols-5 gap-1 rounded-lg p-0.5 ${meta.errors ? "ring-1 ring-red-500" : ""}`}>
        {options.map(({ key, ...props }, index) => (
          <label
            key={key}
            className="flex cursor-pointer flex-col items-center rounded-md border border-zinc-300 bg-white px-1 py-1.5 text-center text-xs text-zinc-600 hover:border-zinc-400 has-checked:border-accent-600 has-checked:bg-accent-50 has-checked:text-accent-700 has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-accent-500 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-400 dark:hover:border-zinc-500 dark:has-checked:border-accent-500 dark:has-checked:bg-accent-500/20 dark:has-checked:text-indigo-100"
          >
            <input {...props} className="sr-only" />
            <span className="text-base font-semibold tabular-nums">{index + 1}</span>
            <span className="leading-tight">{labels[index]}</span>
          </label>
        ))}
      </div>
      <FieldErrors id={meta.errorId} errors={meta.errors} />
    </fieldset>
  );
}
