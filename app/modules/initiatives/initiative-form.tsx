import { getCollectionProps, getFormProps, useForm, type Submission, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, Link } from "@remix-run/react";
import { useIsPending } from "~/components/forms/use-is-pending";
import { Alert } from "~/components/ui/alert";
import { Button, buttonClass } from "~/components/ui/button";
import { Field, FieldErrors, SelectField } from "~/components/ui/field";
import { TextareaField } from "~/components/ui/textarea-field";
import { initiativeSchema, STATUS_OPTIONS, updateInitiativeSchema } from "./schema";
import { ScoreFields } from "./score-fields";
import { SCORE_INPUT_NAMES, type Framework, type ScoreInputName, type ScoreValues } from "./scoring";

export interface InitiativeFormChoices {
  members: ReadonlyArray<{ id: string; name: string; email: string }>;
  personas: ReadonlyArray<{ id: string; name: string }>;
}

/** What the form holds: text as typed, tags as one comma-separated line. */
export type InitiativeFormValue = {
  title?: string;
  problem?: string;
  description?: string;
  status?: string;
  owner_id?: string;
  personas?: string[];
  tags?: string;
  target_quarter?: string;
} & Partial<Record<ScoreInputName, number>>;

/** A stored initiative as the edit form's starting values. */
export function initiativeFormValue(initiative: {
  title: string;
  problem: string;
  description: string;
  status: string;
  owner_id: string | null;
  personas: string[];
  tags: string[];
  target_quarter: string | null;
} & ScoreValues): InitiativeFormValue {
  const scores = Object.fromEntries(SCORE_INPUT_NAMES.flatMap((name) => (initiative[name] == null ? [] : [[name, initiative[name]]])));
  return {
    title: initiative.title,
    problem: initiative.problem,
    description: initiative.description,
    status: initiative.status,
    owner_id: initiative.owner_id ?? undefined,
    personas: initiative.personas,
    tags: initiative.tags.join(", "),
    target_quarter: initiative.target_quarter ?? undefined,
    ...scores,
  };
}

export function InitiativeForm({
  framework,
  choices,
  defaultValue,
  version,
  lastResult,
  cancelTo,
}: {
  framework: Framework;
  choices: InitiativeFormChoices;
  defaultValue?: InitiativeFormValue;
  version?: number;
  lastResult?: SubmissionResult<string[]>;
  cancelTo: string;
}) {
  const schema = version ? updateInitiativeSchema(framework) : initiativeSchema(framework);
  const submitting = useIsPending();
  const [form, fields] = useForm<InitiativeFormValue>({
    lastResult,
    defaultValue,
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    // The form holds tags as one line of text, the schema's output as a list: typed as the form holds it.
    onValidate: ({ formData }) => parseWithZod(formData, { schema }) as unknown as Submission<InitiativeFormValue>,
  });
  const personaIds = choices.personas.map((p) => p.id);
  return (
    <Form method="post" className="max-w-3xl space-y-5" {...getFormProps(form)}>
      {form.errors ? <Alert tone="error">{form.errors.join(" ")}</Alert> : null}
      {version ? <input type="hidden" name="version" value={version} /> : null}
      <Field label="Title" meta={fields.title} placeholder="Instant payout retries" />
      <TextareaField label="Problem" meta={fields.problem} rows={3} hint="Whose problem, and what it costs them today." />
      <TextareaField label="Description" meta={fields.description} rows={8} hint="Markdown: **bold**, lists, links, tables." />
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField label="Status" meta={fields.status} options={STATUS_OPTIONS} />
        <SelectField label="Owner" meta={fields.owner_id} options={[{ value: "", label: "No owner" }, ...choices.members.map((member) => ({ value: member.id, label: member.name }))]} />
        <Field label="Target quarter" meta={fields.target_quarter} placeholder="2026-Q3" />
      </div>
      <Field label="Tags" meta={fields.tags} placeholder="payments, retention" hint="Separate tags with commas." />
      <fieldset aria-describedby={fields.personas.errorId}>
        <legend className="mb-1 text-sm font-medium">Personas</legend>
        {choices.personas.length === 0 ? (
          <p className="text-sm text-zinc-500 dark:text-zinc-400">No personas in this workspace yet.</p>
        ) : (
          <div className="flex flex-wrap gap-2">
            {getCollectionProps(fields.personas, { type: "checkbox", options: personaIds }).map(({ key, ...props }, index) => (
              <label
                key={key}
                className="flex cursor-pointer items-center gap-2 rounded-full border border-zinc-300 px-3 py-1 text-sm has-[:checked]:border-accent-500 has-[:checked]:bg-accent-50 dark:border-zinc-700 dark:has-[:checked]:bg-zinc-800"
              >
                <input {...props} className="size-3.5 accent-accent-600" />
                {choices.personas[index]!.name}
              </label>
            ))}
          </div>
        )}
        <FieldErrors id={fields.personas.errorId} errors={fields.personas.errors} />
      </fieldset>
      <ScoreFields framework={framework} fields={fields as never} />
      <div className="flex gap-2">
        <Button disabled={submitting}>{version ? "Save changes" : "Create initiative"}</Button>
        <Link to={cancelTo} className={buttonClass("ghost")}>
          Cancel
        </Link>
      </div>
    </Form>
  );
}
