import { getFormProps, getInputProps, type SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { useIsPending } from "~/components/forms/use-is-pending";
import { useValidatedForm } from "~/components/forms/use-validated-form";
import { Alert } from "~/components/ui/alert";
import { Button, buttonClass } from "~/components/ui/button";
import { Field, inputClass, SelectField, FieldShell } from "~/components/ui/field";
import { TextareaField } from "~/components/ui/textarea-field";
import { SeverityBadge } from "./risk-badges";
import { RiskScoreField } from "./risk-score-field";
import { categoryChoices, createRiskSchema, IMPACT_LABELS, LIKELIHOOD_LABELS, RISK_STATUSES, STATUS_LABELS, updateRiskSchema } from "./schema";

export interface RiskFormOptions {
  owners: ReadonlyArray<{ id: string; name: string }>;
  initiatives: ReadonlyArray<{ id: string; title: string }>;
  categories: readonly string[];
}

export interface RiskFormValues {
  title?: string;
  description?: string;
  category?: string;
  likelihood?: number;
  impact?: number;
  status?: string;
  owner_id?: string | null;
  mitigation?: string;
  due_date?: string | null;
  initiative_id?: string | null;
}

export function RiskForm({
  defaultValue,
  version,
  lastResult,
  options,
  cancelTo,
}: {
  defaultValue?: RiskFormValues;
  version?: number;
  lastResult?: SubmissionResult<string[]>;
  options: RiskFormOptions;
  cancelTo: string;
}) {
  const schema = version ? updateRiskSchema : createRiskSchema;
  const submitting = useIsPending();
  const [form, fields] = useValidatedForm(schema, {
    lastResult,
    defaultValue: {
      ...defaultValue,
      status: defaultValue?.status ?? "open",
      owner_id: defaultValue?.owner_id ?? "",
      due_date: defaultValue?.due_date ?? "",
      initiative_id: defaultValue?.initiative_id ?? "",
    },
  });
  const likelihood = Number(fields.likelihood.value);
  const impact = Number(fields.impact.value);
  const scored = likelihood >= 1 && likelihood <= 5 && impact >= 1 && impact <= 5;
  return (
    <Form method="post" className="max-w-3xl space-y-5" {...getFormProps(form)}>
      {form.errors ? <Alert tone="error">{form.errors.join(" ")}</Alert> : null}
      {version ? <input type="hidden" name="version" value={version} /> : null}
      <Field label="Title" meta={fields.title} placeholder="Card network changes its payout API before launch" />
      <div className="grid gap-4 sm:grid-cols-2">
        <FieldShell label="Category" htmlFor={fields.category.id} hint="Pick one or type your own." errors={fields.category.errors} errorId={fields.category.errorId}>
          <input {...getInputProps(fields.category, { type: "text" })} key={fields.category.key} list="risk-category-choices" className={inputClass} />
          <datalist id="risk-category-choices">
            {categoryChoices(options.categories).map((category) => (
              <option key={category} value={category} />
            ))}
          </datalist>
        </FieldShell>
        <SelectField label="Status" meta={fields.status} options={RISK_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))} />
      </div>

      <div className="space-y-4 rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
        <RiskScoreField legend="Likelihood" meta={fields.likelihood} labels={LIKELIHOOD_LABELS} />
        <RiskScoreField legend="Impact" meta={fields.impact} labels={IMPACT_LABELS} />
        <p className="flex flex-wrap items-center gap-2 text-sm text-zinc-600 dark:text-zinc-400" aria-live="polite">
          Severity (likelihood × impact):{" "}
          {scored ? <SeverityBadge severity={likelihood * impact} /> : <span className="text-zinc-400">rate both to see it</span>}
        </p>
      </div>

      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label="Owner"
          meta={fields.owner_id}
          options={[{ value: "", label: "Nobody yet" }, ...options.owners.map((o) => ({ value: o.id, label: o.name }))]}
        />
        <Field label="Due date" type="date" meta={fields.due_date} />
      </div>
      <SelectField
        label="Linked initiative"
        meta={fields.initiative_id}
        options={[{ value: "", label: "None" }, ...options.initiatives.map((i) => ({ value: i.id, label: i.title }))]}
      />
      <TextareaField label="Description" meta={fields.description} hint="What could happen, and what would it cause?" />
      <TextareaField label="Mitigation" meta={fields.mitigation} hint="What you are doing to make it less likely or less harmful." />
      <div className="flex gap-2">
        <Button disabled={submitting}>{version ? "Save changes" : "Create risk"}</Button>
        <Link to={cancelTo} className={buttonClass("ghost")}>
          Cancel
        </Link>
      </div>
    </Form>
  );
}
