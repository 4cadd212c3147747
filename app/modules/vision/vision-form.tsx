import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { useIsPending } from "~/components/forms/use-is-pending";
import { useValidatedForm } from "~/components/forms/use-validated-form";
import { Alert } from "~/components/ui/alert";
import { Button, buttonClass } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { TextareaField } from "~/components/ui/textarea-field";
import { saveVisionSchema, type VisionInput } from "./schema";

/** `basedOn` is the version number shown when editing began (0 before the first save). */
export function VisionForm({
  defaultValue,
  basedOn,
  lastResult,
  cancelTo,
}: {
  defaultValue?: Partial<VisionInput>;
  basedOn: number;
  lastResult?: SubmissionResult<string[]>;
  cancelTo: string;
}) {
  const submitting = useIsPending();
  const [form, fields] = useValidatedForm(saveVisionSchema, { lastResult, defaultValue });
  return (
    <Form method="post" className="max-w-3xl space-y-5" {...getFormProps(form)}>
      {form.errors ? <Alert tone="error">{form.errors.join(" ")}</Alert> : null}
      <input type="hidden" name="version" value={basedOn} />
      <TextareaField label="Vision statement" meta={fields.statement} rows={3} hint="Where the product is going, in a sentence or two." />
      <TextareaField label="Mission" meta={fields.mission} rows={2} hint="What you do every day to get there." />
      <TextareaField label="Target customers" meta={fields.target_customers} rows={3} />
      <TextareaField label="Product principles" meta={fields.principles} rows={5} hint="One per line. “Lead: explanation” shows the lead in bold." />
      <Field label="North-star metric" meta={fields.north_star_metric} placeholder="Weekly teams that close the books on time" />
      <div className="flex flex-wrap items-center gap-2">
        <Button disabled={submitting}>{basedOn ? `Save as version ${basedOn + 1}` : "Save the vision"}</Button>
        <Link to={cancelTo} className={buttonClass("ghost")}>
          Cancel
        </Link>
        <p className="text-xs text-zinc-500">Every save keeps the previous versions in the history.</p>
      </div>
    </Form>
  );
}
