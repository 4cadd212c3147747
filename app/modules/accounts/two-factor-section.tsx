import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, useActionData } from "@remix-run/react";
import type { ReactNode } from "react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { ConfirmEmailFirst } from "./confirm-email-first";
import type { TwoFactorState } from "~/services/two-factor/setup.server";
import type { TwoFactorActionData } from "./two-factor-reply";
import { confirmTwoFactorSchema, proveTwoFactorSchema, TWO_FACTOR_INTENTS } from "./two-factor-schema";

type Setup = { qrCode: string; manualKey: string };

/**
 * Settings → Security, two-factor authentication. Posts its intents to the page it sits on, whose
 * action hands them to `handleTwoFactorIntent`; works without JavaScript. It can be turned on once
 * the account's email is confirmed (`unconfirmedEmail` is the address otherwise).
 */
export function TwoFactorSection({ state, unconfirmedEmail }: { state: TwoFactorState; unconfirmedEmail: string | null }) {
  const reply = useActionData<Partial<TwoFactorActionData>>()?.twoFactor;
  const setup = reply && "setup" in reply ? reply.setup : null;
  const recoveryCodes = reply && "recoveryCodes" in reply ? reply.recoveryCodes : undefined;

  return (
    <section aria-labelledby="two-factor-heading" className="space-y-4">
      <div>
        <h2 id="two-factor-heading" className="text-lg font-semibold">
          Two-factor authentication
        </h2>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          Ask for a code from an authenticator app on your phone at every sign-in, after your password or Google or Microsoft.
        </p>
      </div>
      {reply?.intent === "disable" && "disabled" in reply ? <Alert tone="success">Two-factor authentication is off.</Alert> : null}
      {recoveryCodes ? <RecoveryCodes codes={recoveryCodes} /> : null}

      {state.status !== "on" && unconfirmedEmail ? (
        <ConfirmEmailFirst email={unconfirmedEmail} toDo="turn on two-factor authentication" />
      ) : state.status === "off" ? (
        <IntentButton intent={TWO_FACTOR_INTENTS.start}>Set up two-factor authentication</IntentButton>
      ) : state.status === "setting-up" ? (
        <SetupSteps setup={setup} lastResult={reply?.intent === "confirm" ? reply.result : undefined} />
      ) : (
        <>
          <p className="text-sm">
            Two-factor authentication is <strong>on</strong> since {state.enabledAt.slice(0, 10)}. {state.recoveryCodesLeft} of 10 recovery
            codes left.
          </p>
          <ProveForm
            intent={TWO_FACTOR_INTENTS.regenerate}
            legend="New recovery codes"
            description="Replaces all your recovery codes, used or not, with ten new ones."
            button="New recovery codes"
            lastResult={reply?.intent === "regenerate" ? reply.result : undefined}
          />
          <ProveForm
            intent={TWO_FACTOR_INTENTS.disable}
            legend="Turn off two-factor authentication"
            description="Sign-in will ask for your password (or Google or Microsoft) only."
            button="Turn off"
            danger
            lastResult={reply?.intent === "disable" ? reply.result : undefined}
          />
        </>
      )}
    </section>
  );
}

function IntentButton({ intent, variant = "primary", children }: { intent: string; variant?: "primary" | "secondary"; children: ReactNode }) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <Button variant={variant}>{children}</Button>
    </Form>
  );
}

function SetupSteps({ setup, lastResult }: { setup: Setup | null | undefined; lastResult?: SubmissionResult<string[]> }) {
  const [form, fields] = useForm({
    id: "two-factor-confirm",
    lastResult,
    constraint: getZodConstraint(confirmTwoFactorSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: confirmTwoFactorSchema }),
  });
  // The key is shown only in answer to the form that made it; after a reload, setup starts again.
  if (!setup) {
    return (
      <div className="space-y-3">
        <p className="text-sm">Setting up two-factor authentication was not finished.</p>
        <div className="flex gap-2">
          <IntentButton intent={TWO_FACTOR_INTENTS.start}>Start again</IntentButton>
          <IntentButton intent={TWO_FACTOR_INTENTS.cancelSetup} variant="secondary">
            Cancel
          </IntentButton>
        </div>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <ol className="list-decimal space-y-3 pl-5 text-sm">
        <li>
          Scan this QR code with your authenticator app.
          <img src={setup.qrCode} alt="QR code of your two-factor key, for an authenticator app" width={192} height={192} className="mt-2 rounded bg-white p-1" />
        </li>
        <li>
          Or enter this key by hand: <code className="font-mono tracking-wide select-all">{setup.manualKey}</code>
        </li>
        <li>Enter the 6-digit code the app shows to confirm.</li>
      </ol>
      <Form method="post" className="max-w-xs space-y-3" {...getFormProps(form)}>
        <input type="hidden" name="intent" value={TWO_FACTOR_INTENTS.confirm} />
        <Field label="Authentication code" meta={fields.code} autoComplete="one-time-code" inputMode="numeric" />
        <Button>Turn on</Button>
      </Form>
      <IntentButton intent={TWO_FACTOR_INTENTS.cancelSetup} variant="secondary">
        Cancel setup
      </IntentButton>
    </div>
  );
}

function ProveForm(props: {
  intent: string;
  legend: string;
  description: string;
  button: string;
  danger?: boolean;
  lastResult?: SubmissionResult<string[]>;
}) {
  const [form, fields] = useForm({
    id: props.intent,
    lastResult: props.lastResult,
    constraint: getZodConstraint(proveTwoFactorSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: proveTwoFactorSchema }),
  });
  return (
    <Form method="post" className="max-w-sm space-y-3 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800" {...getFormProps(form)}>
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium">{props.legend}</legend>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{props.description}</p>
        {form.errors ? <Alert tone="error">{form.errors.join(" ")}</Alert> : null}
        <input type="hidden" name="intent" value={props.intent} />
        <Field
          label="Authentication code"
          meta={fields.code}
          autoComplete="one-time-code"
          hint="Or one of your recovery codes, if you do not have your phone."
        />
        <Button variant={props.danger ? "danger" : "secondary"}>{props.button}</Button>
      </fieldset>
    </Form>
  );
}

function RecoveryCodes({ codes }: { codes: string[] }) {
  const text = `Bearing recovery codes\nEach code signs you in once, in place of a code from your authenticator app.\n\n${codes.join("\n")}\n`;
  return (
    <Alert tone="success">
      <p className="font-medium">Your recovery codes</p>
      <p className="mt-1">
        Store them somewhere safe, such as a password manager. Each one works once if you lose your phone. They will not be shown again.
      </p>
      <ul aria-label="Recovery codes" className="mt-3 grid grid-cols-2 gap-1 font-mono">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <a
        href={`data:text/plain;charset=utf-8,${encodeURIComponent(text)}`}
        download="bearing-recovery-codes.txt"
        className="mt-3 inline-block font-medium underline"
      >
        Download
      </a>
    </Alert>
  );
}
