import nodemailer from "nodemailer";
import type { Logger } from "./logger.server";

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  send(message: EmailMessage): Promise<void>;
  /** Development only: the messages that would have been sent, newest first. */
  readonly outbox: ReadonlyArray<EmailMessage & { sentAt: Date }> | null;
}

/**
 * SMTP through nodemailer when SMTP_URL is set. Without it (development only: production requires
 * SMTP_URL), messages are printed to the console and kept for the /dev/outbox page.
 */
export function createMailer({ smtpUrl, from }: { smtpUrl?: string; from: string }, logger: Logger): Mailer {
  if (smtpUrl) {
    const transport = nodemailer.createTransport(smtpUrl);
    return {
      outbox: null,
      async send(message) {
        await transport.sendMail({ from, ...message });
        logger.info({ event: "email.sent", subject: message.subject }, "email sent");
      },
    };
  }

  const outbox: Array<EmailMessage & { sentAt: Date }> = [];
  return {
    outbox,
    async send(message) {
      outbox.unshift({ ...message, sentAt: new Date() });
      outbox.splice(50);
      logger.info({ event: "email.outbox", subject: message.subject }, "email kept in the development outbox");
      // Deliberately on the console, not in the structured log: the body holds single-use links.
      console.log(`\n--- development outbox: ${message.subject} (to ${message.to}) ---\n${message.text}\n---\n`);
    },
  };
}

/**
 * Sends after the response is on its way, so an answer never waits on (or reveals, by its timing)
 * whether an email was due. Failures are logged with the request id.
 */
export function sendInBackground(mailer: Mailer, logger: Logger, produce: () => Promise<EmailMessage | null>) {
  setImmediate(() => {
    produce()
      .then((message) => (message ? mailer.send(message) : undefined))
      .catch((error: unknown) => logger.error({ err: error, event: "email.failed" }, "sending an email failed"));
  });
}
