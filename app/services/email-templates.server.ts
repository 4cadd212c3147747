import type { EmailMessage } from "./email.server";

interface Layout {
  to: string;
  subject: string;
  intro: string;
  action: { label: string; url: string };
  outro: string;
}

function render({ to, subject, intro, action, outro }: Layout): EmailMessage {
  const text = `${intro}\n\n${action.label}: ${action.url}\n\n${outro}\n\n— Bearing`;
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#1f2937;max-width:560px;margin:auto;padding:24px">
<p>${escapeHtml(intro)}</p>
<p><a href="${escapeHtml(action.url)}" style="display:inline-block;background:#4f46e5;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${escapeHtml(action.label)}</a></p>
<p style="font-size:13px;color:#6b7280">Or paste this link into your browser: ${escapeHtml(action.url)}</p>
<p style="font-size:13px;color:#6b7280">${escapeHtml(outro)}</p>
</body></html>`;
  return { to, subject, text, html };
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export const emails = {
  verifyEmail: (to: string, name: string, url: string) =>
    render({
      to,
      subject: "Confirm your email for Bearing",
      intro: `Hi ${name}, confirm that ${to} is your email address to start using Bearing.`,
      action: { label: "Confirm my email", url },
      outro: "The link works once and expires in 24 hours. If you did not sign up, ignore this email.",
    }),
  resetPassword: (to: string, url: string) =>
    render({
      to,
      subject: "Reset your Bearing password",
      intro: "Someone (hopefully you) asked to reset the password of your Bearing account.",
      action: { label: "Choose a new password", url },
      outro: "The link works once and expires in 1 hour. Resetting signs you out everywhere. If you did not ask, ignore this email.",
    }),
  alreadyRegistered: (to: string, loginUrl: string) =>
    render({
      to,
      subject: "You already have a Bearing account",
      intro: `Someone tried to sign up for Bearing with ${to}, which already has an account.`,
      action: { label: "Log in", url: loginUrl },
      outro: "If you forgot your password, use “Forgot password” on the login page. If this was not you, ignore this email.",
    }),
  invitation: (to: string, inviter: string, workspace: string, role: string, url: string) =>
    render({
      to,
      subject: `${inviter} invited you to ${workspace} on Bearing`,
      intro: `${inviter} invited you to join the workspace “${workspace}” on Bearing as ${/^[ae]/.test(role) ? "an" : "a"} ${role}.`,
      action: { label: "Accept the invitation", url },
      outro: "The invitation works once and expires in 7 days.",
    }),
  accountDeleted: (to: string, name: string, appUrl: string) =>
    render({
      to,
      subject: "Your Bearing account is deleted",
      intro: `Hi ${name}, your Bearing account and the data associated with it were deleted, as you asked. We keep no copy.`,
      action: { label: "Open Bearing", url: appUrl },
      outro: "If you did not delete your account, someone had your password: sign up again and change the passwords you reused.",
    }),
};
