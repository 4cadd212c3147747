import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useIsPending } from "~/components/forms/use-is-pending";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { changePasswordSchema, SECURITY_INTENTS, setPasswordSchema } from "./schema";
import { SecuritySection } from "./security-section";

/**
 * Change the password, or set a first one for an account made with Google or Microsoft. Saving ends
 * every other session; this one stays.
 */
export function PasswordSection({
  email,
  passwordSet,
  lastResult,
  notice,
}: {
  email: string;
  passwordSet: boolean;
  lastResult?: SubmissionResult<string[]>;
  notice?: string;
}) {
  const schema = passwordSet ? changePasswordSchema : setPasswordSchema;
  const submitting = useIsPending({ intent: SECURITY_INTENTS.changePassword, state: "non-idle" });
  const [form, fields] = useForm<{ currentPassword?: string; newPassword: string }>({
    id: "password",
    lastResult,
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <SecuritySection
      id="password-section"
      title="Password"
      description={
        passwordSet
          ? "Changing your password signs you out on every other device. This one stays signed in."
          : "You sign in with Google or Microsoft. Set a password to also log in with your email, or to unlink a provider."
      }
    >
      <Form method="post" className="max-w-md space-y-4" {...getFormProps(form)}>
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        {form.errors ? <Alert tone="error">{form.errors.join(" ")}</Alert> : null}
        <input type="hidden" name="intent" value={SECURITY_INTENTS.changePassword} />
        {/* The account's username, for password managers to file the new password under the right login. */}
        <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
        {passwordSet ? <Field label="Current password" meta={fields.currentPassword} type="password" autoComplete="current-password" /> : null}
        <Field label="New password" meta={fields.newPassword} type="password" autoComplete="new-password" hint="At least 10 characters and at most 72 bytes (about 72 plain letters), hard to guess." />
        <Button disabled={submitting}>{passwordSet ? "Change password" : "Set a password"}</Button>
      </Form>
    </SecuritySection>
  );
}
