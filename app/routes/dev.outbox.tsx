import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { formatDateTime } from "~/components/dates";
import { notFound } from "~/services/errors.server";

export const meta: MetaFunction = () => [{ title: "Development outbox · Bearing" }];

/** Development only: the emails Bearing would have sent, for when no SMTP server is configured. */
export async function loader({ context }: LoaderFunctionArgs) {
  const outbox = context.mailer.outbox;
  if (!outbox || context.config.mode === "production") throw notFound("This page");
  return { messages: outbox.map(({ to, subject, text, sentAt }) => ({ to, subject, text, sentAt: sentAt.toISOString() })) };
}

export default function Outbox() {
  const { messages } = useLoaderData<typeof loader>();
  return (
    <main className="mx-auto max-w-3xl p-6">
      <h1 className="text-xl font-semibold">Development outbox</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        SMTP_URL is not set, so emails are kept here (newest first) instead of being sent. This page does not exist in production.
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
