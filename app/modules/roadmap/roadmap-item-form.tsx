import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, Link } from "@remix-run/react";
import { useIsPending } from "~/components/forms/use-is-pending";
import { Alert } from "~/components/ui/alert";
import { Button, buttonClass } from "~/components/ui/button";
import { Field, SelectField } from "~/components/ui/field";
import { TextareaField } from "~/components/ui/textarea-field";
import { createRoadmapItemSchema, LANE_LABELS, LANES, updateRoadmapItemSchema, type RoadmapItemInput } from "./schema";

export interface InitiativeOption {
  id: string;
  title: string;
}

export function RoadmapItemForm({
  defaultValue,
  version,
  initiatives,
  quarters,
  lastResult,
  cancelTo,
}: {
  /** The stored item (its empty fields are null) or the lane to start in. */
  defaultValue?: Partial<Record<keyof RoadmapItemInput, string | null>>;
  version?: number;
  initiatives: ReadonlyArray<InitiativeOption>;
  /** Suggested in the quarter fields; any quarter can be typed. */
  quarters: ReadonlyArray<string>;
  lastResult?: SubmissionResult<string[]>;
  cancelTo: string;
}) {
  const schema = version ? updateRoadmapItemSchema : createRoadmapItemSchema;
  const submitting = useIsPending();
  const initial: Partial<Record<keyof RoadmapItemInput, string>> = {};
  for (const [name, value] of Object.entries(defaultValue ?? {})) if (value !== null) initial[name as keyof RoadmapItemInput] = value;
  const [form, fields] = useForm({
    lastResult,
    defaultValue: initial,
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <Form method="post" className="max-w-2xl space-y-4" {...getFormProps(form)}>
      {form.errors ? <Alert tone="error">{form.errors.join(" ")}</Alert> : null}
      {version ? <input type="hidden" name="version" value={version} /> : null}
      <Field label="Title" meta={fields.title} placeholder="Instant payouts for marketplaces" />
      <TextareaField label="Description" meta={fields.description} rows={4} hint="What it is and why it matters, in a few lines." />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label="Lane" meta={fields.lane} options={LANES.map((lane) => ({ value: lane, label: LANE_LABELS[lane] }))} />
        <SelectField
          label="Linked initiative"
          meta={fields.initiative_id}
          options={[{ value: "", label: initiatives.length ? "None" : "None (no initiatives yet)" }, ...initiatives.map((i) => ({ value: i.id, label: i.title }))]}
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Start quarter" meta={fields.start_quarter} placeholder="2026-Q1" list="roadmap-quarters" autoComplete="off" hint="Optional, like 2026-Q1." />
        <Field label="End quarter" meta={fields.end_quarter} placeholder="2026-Q2" list="roadmap-quarters" autoComplete="off" hint="Leave empty for a single quarter." />
      </div>
      <datalist id="roadmap-quarters">
        {quarters.map((quarter) => (
          <option key={quarter} value={quarter} />
        ))}
      </datalist>
      <div className="flex gap-2">
        <Button disabled={submitting}>{version ? "Save changes" : "Add to roadmap"}</Button>
        <Link to={cancelTo} className={buttonClass("ghost")}>
          Cancel
        </Link>
      </div>
    </Form>
  );
}
