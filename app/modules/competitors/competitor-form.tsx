import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { useIsPending } from "~/components/forms/use-is-pending";
import { useValidatedForm } from "~/components/forms/use-validated-form";
import { Alert } from "~/components/ui/alert";
import { Button, buttonClass } from "~/components/ui/button";
import { Field, SelectField } from "~/components/ui/field";
import { TextareaField } from "~/components/ui/textarea-field";
import { createCompetitorSchema, THREAT_LEVELS, updateCompetitorSchema, type CompetitorInput } from "./schema";

export function CompetitorForm({
  defaultValue,
  version,
  lastResult,
  cancelTo,
}: {
  defaultValue?: Partial<CompetitorInput>;
  version?: number;
  lastResult?: SubmissionResult<string[]>;
  cancelTo: string;
}) {
  const schema = version ? updateCompetitorSchema : createCompetitorSchema;
  const submitting = useIsPending();
  const [form, fields] = useValidatedForm(schema, { lastResult, defaultValue: { threat_level: "medium", ...defaultValue } });
  return (
    <Form method="post" className="max-w-2xl space-y-4" {...getFormProps(form)}>
      {form.errors ? <Alert tone="error">{form.errors.join(" ")}</Alert> : null}
      {version ? <input type="hidden" name="version" value={version} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" meta={fields.name} placeholder="Acme Billing" />
        {/* type="text", not "url": people type "acme.com", and the server adds the https:// itself. */}
        <Field label="Website" meta={fields.website} placeholder="acme.com" inputMode="url" autoComplete="url" />
      </div>
      <div className="sm:w-1/2 sm:pr-2">
        <SelectField label="Threat level" meta={fields.threat_level} options={THREAT_LEVELS} />
      </div>
      <TextareaField label="Positioning" meta={fields.positioning} rows={2} hint="Who they sell to and the promise they make." />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextareaField label="Strengths" meta={fields.strengths} rows={4} />
        <TextareaField label="Weaknesses" meta={fields.weaknesses} rows={4} />
      </div>
      <TextareaField label="Pricing notes" meta={fields.pricing_notes} rows={2} />
      <div className="flex gap-2">
        <Button disabled={submitting}>{version ? "Save changes" : "Create competitor"}</Button>
        <Link to={cancelTo} className={buttonClass("ghost")}>
          Cancel
        </Link>
      </div>
    </Form>
  );
}
