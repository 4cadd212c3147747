import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/app-shell";
import { useIsPending } from "~/components/forms/use-is-pending";
import { Alert } from "~/components/ui/alert";
import { Button, buttonClass } from "~/components/ui/button";
import { FieldShell } from "~/components/ui/field";
import { ImportFileError, importInitiatives, previewImport } from "~/modules/initiatives/csv-import.server";
import { ImportPreviewView } from "~/modules/initiatives/import-preview";
import { readImportRequest } from "~/modules/initiatives/import-upload.server";
import { getPrioritization } from "~/modules/initiatives/initiatives.server";
import { FRAMEWORKS, frameworkInputs } from "~/modules/initiatives/scoring";
import { requireMembership } from "~/modules/workspaces/workspaces.server";

export const meta: MetaFunction = () => [{ title: "Import initiatives · Bearing" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMembership(request, context, params.slug, "editor");
  return { slug: workspace.slug, framework: await getPrioritization(context.db, workspace.id) };
}

/**
 * Upload → preview (nothing written) → confirm. Rows with errors are never imported: with errors in
 * the file, the user either uploads a corrected file or explicitly imports only the valid rows.
 */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const { workspace, user } = await requireMembership(request, context, params.slug, "editor");
  const input = await readImportRequest(request);
  if (input.step === "refused") return data({ error: input.message }, { status: input.status });
  const framework = await getPrioritization(context.db, workspace.id);
  let preview;
  try {
    preview = await previewImport(context.db, workspace.id, input.csv);
  } catch (error) {
    if (error instanceof ImportFileError) return data({ error: error.message }, { status: error.status });
    throw error;
  }
  const shown = { preview, csv: input.csv, fileName: input.fileName, framework, notice: undefined as string | undefined };
  if (input.step === "preview") return data(shown);
  if (preview.valid === 0) return data({ ...shown, notice: "No row of this file can be imported: fix the errors below and upload it again." }, { status: 400 });
  if (preview.invalid > 0 && !input.skipInvalid) {
    return data({ ...shown, notice: "Some rows have errors: upload a corrected file, or import only the valid rows." }, { status: 400 });
  }
  const imported = await importInitiatives(context.db, workspace.id, user.id, preview.rows.filter((r) => r.errors.length === 0).map((r) => r.initiative));
  throw redirect(`/w/${workspace.slug}/initiatives?sort=updated&imported=${imported}`);
}

const COLUMNS = ["title (required)", "problem", "description", "status", "owner_email", "personas", "tags", "target_quarter"];

export default function ImportInitiativesPage() {
  const { slug, framework } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const busy = useIsPending();
  const here = `/w/${slug}/initiatives/import`;
  return (
    <>
      <PageHeader title="Import initiatives" description="From a CSV file: check every row first, then import." />
      <div className="max-w-6xl p-4 sm:p-8">
        {answer && "preview" in answer ? (
          <ImportPreviewView
            key={answer.csv.length}
            preview={answer.preview}
            csv={answer.csv}
            fileName={answer.fileName}
            framework={answer.framework}
            notice={answer.notice}
            uploadAgain={here}
          />
        ) : (
          <div className="max-w-2xl space-y-6">
            {answer && "error" in answer ? <Alert tone="error">{answer.error}</Alert> : null}
            <Form method="post" encType="multipart/form-data" className="space-y-4 rounded-xl border border-zinc-200 p-5 dark:border-zinc-800">
              <FieldShell label="CSV file" htmlFor="file" hint="Up to 1 MB. The first row names the columns.">
                <input
                  id="file"
                  name="file"
                  type="file"
                  accept=".csv,text/csv"
                  required
                  className="block w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-zinc-100 file:px-3 file:py-2 file:text-sm file:font-medium hover:file:bg-zinc-200 dark:file:bg-zinc-800 dark:file:text-zinc-100"
                />
              </FieldShell>
              <div className="flex gap-2">
                <Button disabled={busy}>Check the file</Button>
                <Link to={`/w/${slug}/initiatives`} className={buttonClass("ghost")}>
                  Cancel
                </Link>
              </div>
            </Form>
            <section className="space-y-2 text-sm text-zinc-600 dark:text-zinc-400">
              <h2 className="font-semibold text-zinc-900 dark:text-zinc-100">Columns Bearing reads</h2>
              <p>
                {COLUMNS.join(", ")}, and the {FRAMEWORKS[framework].name} inputs {frameworkInputs(framework).map((i) => i.name).join(", ")} (the other
                frameworks’ inputs too). Other columns are ignored, so a file exported from Bearing imports as it is.
              </p>
              <p>Status is one of idea, discovery, planned, in progress, shipped, parked (empty means idea). Tags and personas are separated by commas or semicolons; owners are members’ emails.</p>
            </section>
          </div>
        )}
      </div>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
