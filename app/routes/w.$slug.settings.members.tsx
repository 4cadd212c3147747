import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { PageHeader } from "~/components/app-shell";
import { formatDate } from "~/components/dates";
import { useIsPending } from "~/components/forms/use-is-pending";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Field, inputClass, SelectField } from "~/components/ui/field";
import { createInvitation, listPendingInvitations, revokeInvitation } from "~/modules/workspaces/invitations.server";
import { changeRole, listMembers, removeMember } from "~/modules/workspaces/members.server";
import { atLeast, canAssign, INVITABLE_ROLES, ROLE_DESCRIPTIONS, ROLES, type Role } from "~/modules/workspaces/roles";
import { changeRoleSchema, inviteSchema } from "~/modules/workspaces/schema";
import { requireMembership } from "~/modules/workspaces/workspaces.server";
import { emails } from "~/services/email-templates.server";
import { sendInBackground } from "~/services/email.server";
import { AppError } from "~/services/errors.server";
import { formText, parseIntent, rejected } from "~/services/forms.server";

export const meta: MetaFunction = () => [{ title: "Members · Bearing" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace, role, user } = await requireMembership(request, context, params.slug);
  const [members, invitations] = await Promise.all([
    listMembers(context.db, workspace.id),
    atLeast(role, "admin") ? listPendingInvitations(context.db, workspace.id) : [],
  ]);
  return { workspace, role, me: user.id, members, invitations };
}

// Inviting and changing a role have their own schemas (inviteSchema, changeRoleSchema), for their field errors.
const memberIntents = z.discriminatedUnion("intent", [
  z.object({ intent: z.enum(["invite", "change-role", "leave"]) }),
  z.object({ intent: z.literal("remove"), userId: formText }),
  z.object({ intent: z.literal("revoke-invitation"), invitationId: formText }),
]);

export async function action({ request, context, params }: ActionFunctionArgs) {
  const form = await request.formData();
  const submitted = parseIntent(form, memberIntents, "Unknown action.");
  const access = await requireMembership(request, context, params.slug, submitted.intent === "leave" ? "viewer" : "admin");
  const { workspace, user, role } = access;
  const actor = { id: user.id, role };

  try {
    switch (submitted.intent) {
      case "invite": {
        const submission = parseWithZod(form, { schema: inviteSchema });
        if (submission.status !== "success") return rejected(submission.reply());
        const { email, role: invitedRole } = submission.value;
        let token: string;
        try {
          token = await createInvitation(context.db, workspace.id, { email, role: invitedRole, invitedBy: user.id });
        } catch (error) {
          if (error instanceof AppError) return rejected(submission.reply({ fieldErrors: { email: [error.message] } }), error.status);
          throw error;
        }
        const url = new URL(`/invitations/${token}`, context.config.appUrl).href;
        sendInBackground(context.mailer, context.logger, async () => emails.invitation(email, user.name, workspace.name, invitedRole, url));
        return { result: submission.reply({ resetForm: true }), notice: `Invitation sent to ${email}.` };
      }
      case "change-role": {
        const submission = parseWithZod(form, { schema: changeRoleSchema });
        if (submission.status !== "success") return data({ error: "Choose a valid role." }, { status: 400 });
        await changeRole(context.db, workspace.id, actor, submission.value.userId, submission.value.role as Role);
        return { notice: "Role changed." };
      }
      case "remove":
        await removeMember(context.db, workspace.id, actor, submitted.userId);
        return { notice: "Member removed." };
      case "revoke-invitation":
        await revokeInvitation(context.db, workspace.id, submitted.invitationId);
        return { notice: "Invitation revoked." };
      case "leave":
        await removeMember(context.db, workspace.id, actor, user.id);
        throw redirect("/");
    }
  } catch (error) {
    if (error instanceof AppError) return data({ error: error.message }, { status: error.status });
    throw error;
  }
}

export default function MembersPage() {
  const { workspace, role, me, members, invitations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const submitting = useIsPending();
  const isAdmin = atLeast(role, "admin");
  const [form, fields] = useForm({
    id: "invite",
    lastResult: actionData && "result" in actionData ? actionData.result : undefined,
    constraint: getZodConstraint(inviteSchema),
    defaultValue: { role: "editor" },
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: inviteSchema }),
  });

  return (
    <>
      <PageHeader title="Members" description={`Who can see and change ${workspace.name}.`} />
      <div className="max-w-4xl space-y-8 p-4 sm:p-8">
        {actionData && "notice" in actionData ? <Alert tone="success">{actionData.notice}</Alert> : null}
        {actionData && "error" in actionData ? <Alert tone="error">{actionData.error}</Alert> : null}

        {isAdmin ? (
          <section className="rounded-xl border border-zinc-200 p-5 dark:border-zinc-800">
            <h2 className="font-medium">Invite a colleague</h2>
            <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">They get an email with a link that works once, for 7 days.</p>
            <Form method="post" className="mt-4 grid gap-3 sm:grid-cols-[1fr_12rem_auto] sm:items-start" {...getFormProps(form)}>
              <input type="hidden" name="intent" value="invite" />
              <Field label="Email" meta={fields.email} type="email" placeholder="colleague@example.com" />
              <SelectField label="Role" meta={fields.role} options={INVITABLE_ROLES.map((r) => ({ value: r, label: label(r) }))} />
              <Button className="sm:mt-6" disabled={submitting}>
                Send invitation
              </Button>
            </Form>
          </section>
        ) : null}

        <section>
          <h2 className="mb-3 font-medium">
            {members.length} {members.length === 1 ? "member" : "members"}
          </h2>
          <ul className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
            {members.map((member) => {
              const editable = isAdmin && member.id !== me && canAssign(role, member.role, member.role);
              return (
                <li key={member.id} className="flex flex-wrap items-center gap-3 px-4 py-3">
                  <span aria-hidden="true" className="grid size-8 place-items-center rounded-full bg-zinc-200 text-sm font-medium dark:bg-zinc-800">
                    {member.name.slice(0, 1).toUpperCase()}
                  </span>
                  <div className="min-w-0 flex-1 basis-48">
                    <p className="truncate text-sm font-medium">
                      {member.name} {member.id === me ? <span className="text-zinc-500">(you)</span> : null}
                    </p>
                    <p className="truncate text-xs text-zinc-500">{member.email}</p>
                  </div>
                  {editable ? (
                    <>
                      <Form method="post" className="flex items-center gap-2">
                        <input type="hidden" name="intent" value="change-role" />
                        <input type="hidden" name="userId" value={member.id} />
                        <label className="sr-only" htmlFor={`role-${member.id}`}>
                          Role of {member.name}
                        </label>
                        <select id={`role-${member.id}`} name="role" defaultValue={member.role} className={`${inputClass} w-32 py-1.5`}>
                          {ROLES.filter((r) => canAssign(role, member.role, r)).map((r) => (
                            <option key={r} value={r}>
                              {label(r)}
                            </option>
                          ))}
                        </select>
                        <Button size="sm" variant="secondary">
                          Change role
                        </Button>
                      </Form>
                      <details className="relative">
                        <summary className="cursor-pointer list-none text-xs text-red-600 hover:underline [&::-webkit-details-marker]:hidden">Remove</summary>
                        <Form method="post" className="absolute right-0 z-10 mt-2 w-56 rounded-lg border border-zinc-200 bg-white p-3 text-sm shadow-lg dark:border-zinc-800 dark:bg-zinc-900">
                          <p>Remove {member.name} from {workspace.name}?</p>
                          <input type="hidden" name="intent" value="remove" />
                          <input type="hidden" name="userId" value={member.id} />
                          <Button size="sm" variant="danger" className="mt-2 w-full">
                            Remove {member.name}
                          </Button>
                        </Form>
                      </details>
                    </>
                  ) : (
                    <span className="rounded-full bg-zinc-100 px-2 py-0.5 text-xs dark:bg-zinc-800" title={ROLE_DESCRIPTIONS[member.role]}>
                      {label(member.role)}
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        </section>

        {isAdmin && invitations.length ? (
          <section>
            <h2 className="mb-3 font-medium">Pending invitations</h2>
            <ul className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
              {invitations.map((invitation) => (
                <li key={invitation.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3 text-sm">
                  <span className="min-w-0 flex-1 basis-48 truncate">{invitation.email}</span>
                  <span className="text-xs text-zinc-500">
                    {label(invitation.role)} · expires {formatDate(invitation.expires_at)}
                  </span>
                  <Form method="post">
                    <input type="hidden" name="intent" value="revoke-invitation" />
                    <input type="hidden" name="invitationId" value={invitation.id} />
                    <Button size="sm" variant="ghost">
                      Revoke
                    </Button>
                  </Form>
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        <section className="rounded-xl border border-zinc-200 p-5 dark:border-zinc-800">
          <h2 className="font-medium">Roles</h2>
          <dl className="mt-3 grid gap-2 text-sm sm:grid-cols-2">
            {ROLES.map((r) => (
              <div key={r}>
                <dt className="font-medium">{label(r)}</dt>
                <dd className="text-zinc-600 dark:text-zinc-400">{ROLE_DESCRIPTIONS[r]}</dd>
              </div>
            ))}
          </dl>
          <Form method="post" className="mt-5 border-t border-zinc-200 pt-4 dark:border-zinc-800">
            <input type="hidden" name="intent" value="leave" />
            <Button variant="secondary" size="sm">
              Leave {workspace.name}
            </Button>
          </Form>
        </section>
      </div>
    </>
  );
}

function label(role: Role) {
  return role.charAt(0).toUpperCase() + role.slice(1);
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
