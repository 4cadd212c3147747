import type { SubmissionResult } from "@conform-to/react";
import type { TwoFactorSetup } from "../../services/two-factor/setup.server";

/** What the two-factor section gets back from its forms, under `twoFactor` in the security page's action data. */
export type TwoFactorReply =
  | { intent: "email-unconfirmed" }
  | { intent: "start"; setup: TwoFactorSetup }
  | { intent: "confirm"; result: SubmissionResult<string[]>; setup?: TwoFactorSetup | null; recoveryCodes?: string[] }
  | { intent: "cancel-setup" }
  | { intent: "disable"; result: SubmissionResult<string[]>; disabled?: true }
  | { intent: "regenerate"; result: SubmissionResult<string[]>; recoveryCodes?: string[] };

export interface TwoFactorActionData {
  twoFactor: TwoFactorReply;
}
