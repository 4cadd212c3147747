import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AuthLayout, TextLink } from "~/components/auth-layout";
import { Alert } from "~/components/ui/alert";
import { Button, buttonClass } from "~/components/ui/button";
import { acceptInvitation, findInvitation } from "~/modules/workspaces/invitations.server";
import { requireVerifiedUser } from "~/services/auth.server";
import { AppError } from "~/services/errors.server";

export const meta: MetaFunction = () => [{ title: "Invitation · Bearing" }];

export async function loader({ context, params }: LoaderFunctionArgs) {
  const invitation = await findInvitation(context.db, params.token ?? "");
  if (!invitation) return { state: "unavailable" as const };
  const user = context.auth?.user ?? null;
  return {
    state: "pending" as const,
    token: params.token!,
    workspaceName: invitation.workspace_name,
    inviterName: invitation.inviter_name,
    role: invitation.role,
    email: invitation.email,
    signedInAs: user?.email ?? null,
    matches: user ? user.email.toLowerCase() === invitation.email.toLowerCase() : false,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = requireVerifiedUser(request, context);
  try {
    const slug = await acceptInvitation(context.db, params.token ?? "", user);
    throw redirect(`/w/${slug}`);
  } catch (error) {
    if (error instanceof AppError) return data({ error: error.message }, { status: error.status });
    throw error;
  }
}

export default function InvitationPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (data.state === "unavailable") {
    return (
      <AuthLayout title="This invitation is no longer valid" footer={<TextLink to="/">Go to Bearing</TextLink>}>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">It was already used, revoked, or has expired. Ask whoever invited you to send a new one.</p>
      </AuthLayout>
    );
  }
  const here = `/invitations/${data.token}`;
  return (
    <AuthLayout
      title={`Join ${data.workspaceName}`}
      subtitle={`${data.inviterName ?? "A member"} invited ${data.email} to join as ${/^[ae]/.test(data.role) ? "an" : "a"} ${data.role}.`}
    >
      {result?.error ? <Alert tone="error">{result.error}</Alert> : null}
      {data.matches ? (
        <Form method="post">
          <Button className="w-full">Accept invitation</Button>
        </Form>
      ) : data.signedInAs ? (
        <div className="space-y-4 text-sm">
          <Alert tone="warning">
            You are signed in as {data.signedInAs}. This invitation is for {data.email}: log out, then open the link again.
          </Alert>
          <Link to="/logout" className={`${buttonClass("secondary")} w-full`}>
            Log out
          </Link>
        </div>
      ) : (
        <div className="space-y-3">
          <Link to={`/signup?invitation=${data.token}`} className={`${buttonClass("primary")} w-full`}>
            Create an account
          </Link>
          <Link to={`/login?redirectTo=${encodeURIComponent(here)}`} className={`${buttonClass("secondary")} w-full`}>
            I already have an account
          </Link>
        </div>
      )}
    </AuthLayout>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
