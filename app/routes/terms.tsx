import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { PolicyLayout } from "~/components/policy-layout";
import { POLICY_UPDATED, POLICY_VERSION } from "~/modules/accounts/policies";

export const meta: MetaFunction = () => [{ title: "Terms · Bearing" }];

export default function Terms() {
  return (
    <PolicyLayout title="Terms of Service" version={POLICY_VERSION} updated={POLICY_UPDATED}>
      <p>You must be 16 or older to use Bearing. You are responsible for the content you and your team put into your workspaces.</p>
      <p>
        The AI features call the providers you configure, with your own API keys, directly from your browser. Your use of those providers is governed by
        their terms; Bearing never receives your keys, prompts or the answers.
      </p>
      <p>
        You can export your data and delete your account at any time from Settings. How we handle your data is described in the{" "}
        <Link to="/privacy" className="underline">
          Privacy Policy
        </Link>
        .
      </p>
    </PolicyLayout>
  );
}
