import { getInputProps, getSelectProps, type FieldMetadata } from "@conform-to/react";
import { inputClass, FieldShell } from "~/components/ui/field";
import { FRAMEWORKS, frameworkInputs, type Framework, type ScoreInput } from "./scoring";

type ScoreMeta = FieldMetadata<number | undefined>;

/** The inputs of the workspace's framework, each with its scale under it. */
export function ScoreFields({ framework, fields }: { framework: Framework; fields: Record<string, ScoreMeta> }) {
  const definition = FRAMEWORKS[framework];
  return (
    <fieldset className="rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
      <legend className="px-1 text-sm font-semibold">
        {definition.name} score <span className="font-normal text-zinc-500 dark:text-zinc-400">= {definition.formula}</span>
      </legend>
      <p className="mb-3 text-xs text-zinc-500 dark:text-zinc-400">Leave a field empty until you have an estimate; the score waits for all of them.</p>
      <div className="grid gap-4 sm:grid-cols-2">
        {frameworkInputs(framework).map((input) => (
          <ScoreField key={input.name} input={input} meta={fields[input.name]!} />
        ))}
      </div>
    </fieldset>
  );
}

function ScoreField({ input, meta }: { input: ScoreInput; meta: ScoreMeta }) {
  const hintId = `${meta.id}-hint`;
  return (
    <FieldShell label={input.label} htmlFor={meta.id} hint={input.help} hintId={hintId} errors={meta.errors} errorId={meta.errorId}>
      {input.choices ? (
        <select {...getSelectProps(meta)} key={meta.key} className={inputClass} aria-describedby={`${hintId} ${meta.errorId}`}>
          <option value="">Not estimated</option>
          {input.choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          {...getInputProps(meta, { type: "number" })}
          key={meta.key}
          step="any"
          inputMode="decimal"
          className={inputClass}
          aria-describedby={`${hintId} ${meta.errorId}`}
        />
      )}
    </FieldShell>
  );
}
