import { z } from "zod";
import { currentPasswordField, newPasswordField } from "../schema";

// Shared by the browser (instant field errors) and the server (the authority).

/** For an account that has a password: proving it is the person at the keyboard, not just a session. */
export const changePasswordSchema = z.object({
  currentPassword: currentPasswordField,
  newPassword: newPasswordField,
});

/** For an account made with Google or Microsoft, which has no password to prove. */
export const setPasswordSchema = z.object({ newPassword: newPasswordField });

export const SECURITY_INTENTS = {
  changePassword: "change-password",
  signOutSession: "sign-out-session",
  signOutOtherSessions: "sign-out-other-sessions",
  unlinkIdentity: "unlink-identity",
} as const;
