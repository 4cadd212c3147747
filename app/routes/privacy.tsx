import type { MetaFunction } from "@remix-run/node";
import { PolicyLayout } from "~/components/policy-layout";
import { POLICY_UPDATED, POLICY_VERSION, PRIVACY_PROMISES } from "~/modules/accounts/policies";

export const meta: MetaFunction = () => [{ title: "Privacy Policy · Bearing" }];

export default function PrivacyPolicy() {
  return (
    <PolicyLayout title="Privacy Policy" version={POLICY_VERSION} updated={POLICY_UPDATED}>
      <p>
        Bearing keeps your team’s product data on our server and runs its AI in your browser, with your own keys. These are our promises to you. Each one
        is checked by an automated test every time we change Bearing.
      </p>
      <ol className="list-decimal space-y-3 pl-6" data-testid="privacy-promises">
        {PRIVACY_PROMISES.map((promise) => (
          <li key={promise}>{promise}</li>
        ))}
      </ol>
    </PolicyLayout>
  );
}
