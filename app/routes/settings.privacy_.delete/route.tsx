import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useIsPending } from "~/components/forms/use-is-pending";
import { useValidatedForm } from "~/components/forms/use-validated-form";
import { Alert } from "~/components/ui/alert";
import { Button, buttonClass } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { summarizeDeletion } from "~/modules/accounts/privacy/account-deletion.server";
import { DeletionSummary } from "~/modules/accounts/privacy/deletion-summary";
import { deleteAccountSchema } from "~/modules/accounts/privacy/schema";
import { requireUser } from "~/services/auth.server";
import { handleDeleteAccount, reauthenticationFor, RECENT_SIGN_IN_MINUTES } from "./delete-account.server";

export const meta: MetaFunction = () => [{ title: "Delete your account · Bearing" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  const [summary, reauthentication] = await Promise.all([summarizeDeletion(context.db, user.id), reauthenticationFor(context, user)]);
  return { summary, reauthentication };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(request, context);
  return handleDeleteAccount(context, user, await request.formData());
}

export default function DeleteAccount() {
  const { summary, reauthentication } = useLoaderData<typeof loader>();
  const stale = reauthentication.method === "recent-sign-in" && !reauthentication.recent;
  return (
    <div className="max-w-2xl">
      <p className="text-sm">
        <Link to="/settings/privacy" className="text-zinc-600 underline dark:text-zinc-400">
          ← Privacy
        </Link>
      </p>
      <h1 className="mt-2 text-xl font-semibold tracking-tight">Delete your account</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        This cannot be undone. Bearing keeps no copy and no record of your account afterwards.{" "}
        <a href="/settings/privacy/export.json" download className="font-medium text-accent-700 underline dark:text-accent-400">
          Export your data
        </a>{" "}
        first if you want to keep it.
      </p>
      <div className="mt-6 rounded-xl border border-zinc-200 p-4 sm:p-5 dark:border-zinc-800">
        <DeletionSummary summary={summary} />
      </div>
      <div className="mt-6 rounded-xl border border-red-200 p-4 sm:p-5 dark:border-red-900/60">
        {stale ? (
          <Alert tone="warning">
            You sign in with Google or Microsoft, so Bearing has no password to ask for. For your safety, deleting the account needs a
            sign-in from the last {RECENT_SIGN_IN_MINUTES} minutes: <Link to="/logout" className="font-medium underline">log out</Link>,
            sign in again with your provider, and come back here.
          </Alert>
        ) : (
          <ConfirmDeletion proof={reauthentication.proof} />
        )}
      </div>
    </div>
  );
}

function ConfirmDeletion({ proof }: { proof: Parameters<typeof deleteAccountSchema>[0] }) {
  const actionData = useActionData<typeof action>();
  const submitting = useIsPending();
  const [form, fields] = useValidatedForm(deleteAccountSchema(proof), { lastResult: actionData?.result });
  return (
    <Form method="post" className="max-w-md space-y-4" {...getFormProps(form)}>
      <h2 className="font-medium">Confirm it is you</h2>
      {form.errors ? <Alert tone="error">{form.errors.join(" ")}</Alert> : null}
      <input type="text" name="username" autoComplete="username" value={proof.email} readOnly hidden />
      <Field label={`Type your email address (${proof.email}) to confirm`} meta={fields.confirmEmail} autoComplete="off" spellCheck={false} />
      {proof.password ? <Field label="Your password" meta={fields.currentPassword} type="password" autoComplete="current-password" /> : null}
      {proof.twoFactor ? (
        <Field label="Two-factor code" meta={fields.code} autoComplete="one-time-code" hint="A code from your authenticator app, or one of your recovery codes." />
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button variant="danger" disabled={submitting}>
          Delete my account and its data
        </Button>
        <Link to="/settings/privacy" className={buttonClass("ghost")}>
          Cancel
        </Link>
      </div>
    </Form>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
