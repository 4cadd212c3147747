import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { formatDateTime } from "~/components/dates";
import { notFound } from "~/services/errors.server";
import { isLocalHostName, isLoopbackAddress } from "~/services/loopback.server";

export const meta: MetaFunction = () => [{ title: "Development outbox · Bearing" }];

/**
 * Development only: the emails Bearing would have sent, for when no SMTP server is configured. Their links
 * sign people in, so only a browser on this machine sees them: the connection's own address (never
 * X-Forwarded-For, which any client can write), reached under a local name.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const outbox = context.mailer.outbox;
  const local = isLoopbackAddress(context.socketAddress) && isLocalHostName(request.headers.get("host"), context.config.appUrl);
  if (!outbox || context.config.mode === "production" || !local) throw notFound("This page");
  return { messages: outbox.map(({ to, subject, text, sentAt }) => ({ to, subject, text, sentAt: sentAt.toISOString() })) };
}

export default function Outbox() {
  const { messages } = useLoaderData<typeof loader>();
  return (
    <main className="mx-auto max-w-3xl p-6">
      <h1 className="text-xl font-semibold">Development outbox</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        SMTP_URL is not set, so emails are kept here (newest first) instead of being sent. This page does not exist in production, and only a browser on this machine sees it.
      </p>
      {messages.length === 0 ? <p className="mt-8 text-sm text-zinc-500">No emails yet.</p> : null}
      <ol className="mt-6 space-y-4">
        {messages.map((message) => (
          <li key={message.sentAt + message.subject} className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
            <p className="text-sm font-medium">{message.subject}</p>
            <p className="text-xs text-zinc-500">
              To {message.to} · {formatDateTime(message.sentAt)}
            </p>
            <pre className="mt-3 text-sm whitespace-pre-wrap">
              {message.text.split(/(https?:\/\/\S+)/).map((part, i) =>
                /^https?:\/\//.test(part) ? (
                  <a key={i} href={part} className="text-accent-600 underline">
                    {part}
                  </a>
                ) : (
                  part
                ),
              )}
            </pre>
          </li>
        ))}
      </ol>
    </main>
  );
}
