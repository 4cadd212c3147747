import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { useIsPending } from "~/components/forms/use-is-pending";
import { useValidatedForm } from "~/components/forms/use-validated-form";
import { Alert } from "~/components/ui/alert";
import { Button, buttonClass } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { TextareaField } from "~/components/ui/textarea-field";
import { createPersonaSchema, updatePersonaSchema, type PersonaInput } from "./schema";

export function PersonaForm({
  defaultValue,
  version,
  lastResult,
  cancelTo,
}: {
  defaultValue?: Partial<PersonaInput>;
  version?: number;
  lastResult?: SubmissionResult<string[]>;
  cancelTo: string;
}) {
  const schema = version ? updatePersonaSchema : createPersonaSchema;
  const submitting = useIsPending();
  const [form, fields] = useValidatedForm(schema, { lastResult, defaultValue });
  return (
    <Form method="post" className="max-w-2xl space-y-4" {...getFormProps(form)}>
      {form.errors ? <Alert tone="error">{form.errors.join(" ")}</Alert> : null}
      {version ? <input type="hidden" name="version" value={version} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" meta={fields.name} placeholder="Priya, the payments lead" />
        <Field label="Segment or role" meta={fields.segment} placeholder="Mid-market finance teams" />
      </div>
      <TextareaField label="Goals" meta={fields.goals} />
      <TextareaField label="Pains" meta={fields.pains} />
      <TextareaField label="Jobs to be done" meta={fields.jobs_to_be_done} hint="When …, I want to …, so I can …" />
      <TextareaField label="Quote" meta={fields.quote} rows={2} />
      <div className="flex gap-2">
        <Button disabled={submitting}>{version ? "Save changes" : "Create persona"}</Button>
        <Link to={cancelTo} className={buttonClass("ghost")}>
          Cancel
        </Link>
      </div>
    </Form>
  );
}
