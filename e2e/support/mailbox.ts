import { createServer as createHttpServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * A real SMTP server for tests: Bearing sends through nodemailer over SMTP exactly as in production,
 * and tests read what arrived. `serveHttp` exposes the messages as JSON for tests in another process
 * (Playwright workers): GET /messages?to=<address>.
 */
export interface ReceivedEmail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  receivedAt: string;
}

export interface Mailbox {
  smtpUrl: string;
  messages: ReceivedEmail[];
  /** Resolves with the first message to `to` (and matching `subject`) that arrives after `since`. */
  waitFor(to: string, options?: { subject?: RegExp; since?: number; timeoutMs?: number }): Promise<ReceivedEmail>;
  serveHttp(port?: number): Promise<string>;
  close(): Promise<void>;
}

export async function startMailbox(port = 0): Promise<Mailbox> {
  const messages: ReceivedEmail[] = [];
  const waiters = new Set<() => void>();
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const to = [mail.to].flat().flatMap((a) => a?.value.map((v) => (v.address ?? "").toLowerCase()) ?? []);
          messages.push({
            to,
            from: mail.from?.text ?? "",
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            html: typeof mail.html === "string" ? mail.html : "",
            receivedAt: new Date().toISOString(),
          });
          for (const wake of waiters) wake();
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => smtp.listen(port, "127.0.0.1", resolve));
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  let http: HttpServer | undefined;

  const find = (to: string, subject?: RegExp, since = 0) =>
    messages.find(
      (m) => m.to.includes(to.toLowerCase()) && (!subject || subject.test(m.subject)) && Date.parse(m.receivedAt) >= since,
    );

  return {
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    messages,
    waitFor(to, { subject, since = 0, timeoutMs = 10_000 } = {}) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = find(to, subject, since);
          if (!found) return;
          cleanup();
          resolve(found);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`No email to ${to}${subject ? ` matching ${subject}` : ""} within ${timeoutMs} ms`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    async serveHttp(httpPort = 0) {
      http = createHttpServer((req, res) => {
        const url = new URL(req.url ?? "/", "http://mailbox");
        const to = url.searchParams.get("to")?.toLowerCase();
        const body = JSON.stringify(to ? messages.filter((m) => m.to.includes(to)) : messages);
        res.writeHead(200, { "Content-Type": "application/json" }).end(body);
      });
      await new Promise<void>((resolve) => http!.listen(httpPort, "127.0.0.1", resolve));
      return `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    },
    async close() {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      if (http) await new Promise<void>((resolve) => http!.close(() => resolve()));
    },
  };
}

/** The first link in an email's text that starts with `prefix` (for example the app's /verify-email). */
export function linkIn(email: ReceivedEmail, prefix: string): string {
  const link = email.text.match(/https?:\/\/\S+/g)?.find((url) => url.startsWith(prefix));
  if (!link) throw new Error(`No link starting with ${prefix} in "${email.subject}"`);
  return link;
}
