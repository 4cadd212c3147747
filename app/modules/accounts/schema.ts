import { z } from "zod";
import { passwordFitsBcrypt } from "../../services/password-length";

// Shared by the browser (instant field errors) and the server (the authority).

export const emailField = z
  .string({ error: "Enter your email address." })
  .trim()
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter an email address like name@example.com."));

// No maxLength on the field (a browser cuts a pasted password to it silently): the message says why.
export const newPasswordField = z
  .string({ error: "Choose a password." })
  .min(10, "Use at least 10 characters.")
  .refine(passwordFitsBcrypt, "Use at most 72 bytes: letters without accents and digits count 1 each, accented letters 2, € and most emoji 3 or 4.");

/**
 * A password given to prove who one is. One set over 72 bytes before the limit existed was stored
 * cut; it is refused rather than compared by its first 72 bytes, and its owner resets it.
 */
export const currentPasswordField = z
  .string({ error: "Enter your password." })
  .refine(passwordFitsBcrypt, "This password is longer than the 72 bytes Bearing accepts. If you chose it before that limit, set a new one with “Forgot password?”.");

const checkbox = (message: string) =>
  z.boolean({ error: message }).refine((checked) => checked, { message });

export const signupSchema = z.object({
  name: z.string({ error: "Enter your name." }).trim().min(1, "Enter your name.").max(100, "Use at most 100 characters."),
  email: emailField,
  password: newPasswordField,
  ageConfirmed: checkbox("You must be 16 or older to use Bearing."),
  acceptPolicies: checkbox("Accept the Terms and the Privacy Policy to continue."),
  invitation: z.string().max(100).optional(),
  redirectTo: z.string().max(2000).optional(),
});

export const loginSchema = z.object({
  email: emailField,
  password: currentPasswordField,
  redirectTo: z.string().max(2000).optional(),
});

export const forgotPasswordSchema = z.object({ email: emailField });

export const resetPasswordSchema = z.object({
  token: z.string({ error: "This reset link is incomplete." }).max(100),
  password: newPasswordField,
});

/** Accepting the Terms and Privacy Policy again after a material change. */
export const acceptPoliciesSchema = z.object({
  acceptPolicies: checkbox("Accept the Terms and the Privacy Policy to continue."),
  redirectTo: z.string().max(2000).optional(),
});
