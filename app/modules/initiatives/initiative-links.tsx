import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { FieldErrors, inputClass } from "~/components/ui/field";
import { PROVIDER_NAMES, type LinkProvider } from "./links";
import { linkSchema } from "./schema";

interface Link {
  id: string;
  provider: LinkProvider;
  external_id: string;
  url: string;
}

const PROVIDER_TONES: Record<LinkProvider, string> = {
  jira: "bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-200",
  linear: "bg-violet-100 text-violet-800 dark:bg-violet-950 dark:text-violet-200",
  github: "bg-zinc-200 text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200",
};

/** The Jira, Linear and GitHub issues behind an initiative; editors add them by pasting a link. */
export function InitiativeLinks({ links, canEdit, lastResult }: { links: readonly Link[]; canEdit: boolean; lastResult?: SubmissionResult<string[]> }) {
  const [form, fields] = useForm({
    id: "add-link",
    lastResult,
    constraint: getZodConstraint(linkSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: linkSchema }),
  });
  return (
    <section aria-labelledby="links-title" className="space-y-3">
      <h2 id="links-title" className="text-sm font-semibold">
        Linked issues
      </h2>
      {links.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">No Jira, Linear or GitHub issue linked yet.</p>
      ) : (
        <ul className="space-y-2">
          {links.map((link) => (
            <li key={link.id} className="flex items-center gap-2 text-sm">
              <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${PROVIDER_TONES[link.provider]}`}>{PROVIDER_NAMES[link.provider]}</span>
              <a href={link.url} rel="noopener noreferrer" target="_blank" className="min-w-0 font-medium break-all hover:underline">
                {link.external_id}
              </a>
              {canEdit ? (
                <Form method="post" className="ml-auto">
                  <input type="hidden" name="intent" value="remove-link" />
                  <input type="hidden" name="linkId" value={link.id} />
                  <button type="submit" className="rounded px-1.5 text-xs text-zinc-500 hover:bg-zinc-100 hover:text-red-600 dark:hover:bg-zinc-800">
                    Remove<span className="sr-only"> link to {link.external_id}</span>
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canEdit ? (
        <Form method="post" className="space-y-1" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="add-link" />
          <label htmlFor={fields.url.id} className="block text-xs font-medium text-zinc-600 dark:text-zinc-400">
            Link an issue
          </label>
          <div className="flex gap-2">
            <input {...getInputProps(fields.url, { type: "url" })} key={fields.url.key} placeholder="https://…/browse/PAY-42" className={inputClass} />
            <Button variant="secondary" size="sm">
              Link
            </Button>
          </div>
          <FieldErrors id={fields.url.errorId} errors={fields.url.errors} />
        </Form>
      ) : null}
    </section>
  );
}
