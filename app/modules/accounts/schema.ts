import { z } from "zod";

// Shared by the browser (instant field errors) and the server (the authority).

export const emailField = z
  .string({ error: "Enter your email address." })
  .trim()
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter an email address like name@example.com."));

export const newPasswordField = z
  .string({ error: "Choose a password." })
  .min(10, "Use at least 10 characters.")
  .max(128, "Use at most 128 characters.");

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
  password: z.string({ error: "Enter your password." }).max(128, "Use at most 128 characters."),
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
