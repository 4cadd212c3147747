import { Form } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { inputClass, FieldShell } from "~/components/ui/field";
import { FRAMEWORK_IDS, FRAMEWORKS, type Framework } from "./scoring";

/** Settings → Workspace: the framework every initiative score follows. */
export function PrioritizationForm({ current, canEdit }: { current: Framework; canEdit: boolean }) {
  return (
    <Form method="post" className="space-y-4 border-t border-zinc-200 pt-6 dark:border-zinc-800">
      <input type="hidden" name="intent" value="prioritization" />
      <fieldset disabled={!canEdit}>
        <FieldShell
          label="Prioritisation framework"
          htmlFor="prioritization"
          hint="Every initiative’s score follows it. Each framework’s estimates are kept, so switching back restores the old scores."
          hintId="prioritization-hint"
        >
          <select id="prioritization" name="prioritization" defaultValue={current} className={inputClass} aria-describedby="prioritization-hint">
            {FRAMEWORK_IDS.map((id) => (
              <option key={id} value={id}>
                {FRAMEWORKS[id].name} — {FRAMEWORKS[id].formula}
              </option>
            ))}
          </select>
        </FieldShell>
      </fieldset>
      {canEdit ? (
        <Button variant="secondary">Save framework</Button>
      ) : null}
    </Form>
  );
}
