import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { AuthLayout, TextLink } from "~/components/auth-layout";
import { useIsPending } from "~/components/forms/use-is-pending";
import { Button } from "~/components/ui/button";
import { inputClass, FieldShell } from "~/components/ui/field";
import { importWorkspace, parseExport } from "~/modules/workspace-transfer/import-workspace.server";
import { readImportUpload } from "~/modules/workspace-transfer/import-upload.server";
import { requireVerifiedUser } from "~/services/auth.server";
import { AppError } from "~/services/errors.server";

export const meta: MetaFunction = () => [{ title: "Import a workspace · Bearing" }];

export function loader({ request, context }: LoaderFunctionArgs) {
  requireVerifiedUser(request, context);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireVerifiedUser(request, context);
  const upload = await readImportUpload(request);
  if (!upload.ok) return data({ field: upload.field, message: upload.message, name: upload.name }, { status: upload.status });
  try {
    const document = parseExport(upload.text);
    const workspace = await importWorkspace(context.db, user.id, document, upload.name || undefined);
    throw redirect(`/w/${workspace.slug}`);
  } catch (error) {
    if (error instanceof AppError) return data({ field: "file" as const, message: error.message, name: upload.name }, { status: error.status });
    throw error;
  }
}

export default function ImportWorkspacePage() {
  const result = useActionData<typeof action>();
  const submitting = useIsPending();
  const fileError = result?.field === "file" ? result.message : undefined;
  const nameError = result?.field === "name" ? result.message : undefined;
  return (
    <AuthLayout
      title="Import a workspace"
      subtitle="From a file Bearing exported (Settings → Workspace → Export). It becomes a new workspace that you own; nothing is merged into an existing one."
      footer={<TextLink to="/w/new">Create an empty workspace instead</TextLink>}
    >
      <Form method="post" encType="multipart/form-data" className="space-y-4">
        <FieldShell label="Bearing export (.json, up to 20 MB)" htmlFor="import-file" errors={fileError ? [fileError] : undefined} errorId="import-file-error">
          <input
            id="import-file"
            name="file"
            type="file"
            accept=".json,application/json"
            required
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? "import-file-error" : undefined}
            className="block w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-zinc-100 file:px-3 file:py-2 file:text-sm file:font-medium hover:file:bg-zinc-200 dark:file:bg-zinc-800 dark:file:text-zinc-100"
          />
        </FieldShell>
        <FieldShell
          label={
            <>
              Workspace name <span className="font-normal text-zinc-500">(optional)</span>
            </>
          }
          htmlFor="import-name"
          errors={nameError ? [nameError] : undefined}
          errorId="import-name-error"
        >
          <input
            id="import-name"
            name="name"
            type="text"
            maxLength={100}
            defaultValue={result?.name}
            placeholder="The name in the file"
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? "import-name-error" : undefined}
            className={inputClass}
          />
        </FieldShell>
        <Button className="w-full" disabled={submitting}>
          {submitting ? "Importing…" : "Import workspace"}
        </Button>
      </Form>
    </AuthLayout>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
