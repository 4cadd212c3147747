import { Form } from "@remix-run/react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";

/** Posts to /verify-email, which mails the signed-in person a new confirmation link and says so. */
export function SendNewConfirmationLink() {
  return (
    <Form method="post" action="/verify-email">
      <input type="hidden" name="intent" value="resend" />
      <Button size="sm" variant="secondary">
        Send a new link
      </Button>
    </Form>
  );
}

/**
 * Linking a provider and turning on two-factor authentication wait until the address is confirmed:
 * until then the account may be a squat, opened by someone else with this address, who would keep
 * a way in after its owner takes it back. Says so, and how to confirm.
 */
export function ConfirmEmailFirst({ email, toDo }: { email: string; toDo: string }) {
  return (
    <Alert tone="warning">
      <p className="font-medium">{`Confirm your email address to ${toDo}.`}</p>
      <p className="mt-1">{`Until you open the link we emailed to ${email}, nothing shows that the address is yours, and anyone could have signed up with it.`}</p>
      <div className="mt-3">
        <SendNewConfirmationLink />
      </div>
    </Alert>
  );
}
