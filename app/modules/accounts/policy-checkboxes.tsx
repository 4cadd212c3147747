import type { FieldMetadata } from "@conform-to/react";
import { Link } from "@remix-run/react";
import { CheckboxField } from "~/components/ui/field";

/**
 * The two promises every new account makes (PRODUCT.md §2, §8): the same labels on every sign-up path.
 * Accepting changed policies later asks for the second only.
 */
export function PolicyCheckboxes({ ageConfirmed, acceptPolicies }: { ageConfirmed?: FieldMetadata<boolean | undefined>; acceptPolicies: FieldMetadata<boolean | undefined> }) {
  return (
    <>
      {ageConfirmed ? <CheckboxField label="I am 16 or older" meta={ageConfirmed} /> : null}
      <CheckboxField
        label={
          <>
            I accept the{" "}
            <Link to="/terms" target="_blank" className="underline">
              Terms
            </Link>{" "}
            and the{" "}
            <Link to="/privacy" target="_blank" className="underline">
              Privacy Policy
            </Link>
          </>
        }
        meta={acceptPolicies}
      />
    </>
  );
}
