import { z } from "zod";
import { currentPasswordField } from "../schema";
import { anyCodeField } from "../two-factor-schema";

// Shared by the browser (instant field errors) and the server (the authority).

/** How the person proves, again, that they are at the keyboard; the page builds the form from it. */
export interface DeleteAccountProof {
  email: string;
  /** The account has a password: it must be given. */
  password: boolean;
  /** Two-factor authentication is on: a code from the app, or a recovery code, too. */
  twoFactor: boolean;
}

export function deleteAccountSchema({ email, password, twoFactor }: DeleteAccountProof) {
  return z.object({
    confirmEmail: z
      .string({ error: "Type your email address to confirm." })
      .trim()
      .max(320, "That is not your account's email address.")
      .refine((typed) => typed.toLowerCase() === email.toLowerCase(), "That is not your account's email address: type it as shown above."),
    currentPassword: password ? currentPasswordField : z.string().optional(),
    code: twoFactor ? anyCodeField : z.string().optional(),
  });
}
