import { Form } from "@remix-run/react";
import { formatDate, formatDateTime, formatTimeAgo, Time, type DateValue } from "~/components/dates";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { SECURITY_INTENTS } from "./schema";
import { SecuritySection } from "./security-section";

export interface SessionRow {
  id: string;
  device: string;
  network: string | null;
  createdAt: Date | string;
  lastSeenAt: Date | string;
  current: boolean;
}

/** Where the account is signed in, with a way to end any other session, one by one or all at once. */
export function SessionsSection({ sessions, now, notice }: { sessions: ReadonlyArray<SessionRow>; now: number; notice?: string }) {
  const others = sessions.filter((session) => !session.current).length;
  return (
    <SecuritySection id="sessions-section" title="Sessions" description="The devices signed in to your account. Sign out any you do not recognise, then change your password.">
      {notice ? (
        <div className="mb-4">
          <Alert tone="success">{notice}</Alert>
        </div>
      ) : null}
      <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
        {sessions.map((session) => (
          <li key={session.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
            <div className="min-w-0 flex-1 basis-56">
              <p className="flex flex-wrap items-center gap-2 text-sm font-medium">
                {session.device}
                {session.current ? (
                  <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200">This device</span>
                ) : null}
              </p>
              <dl className="mt-1 grid gap-x-3 gap-y-0.5 text-xs text-zinc-600 grid-cols-[auto_1fr] dark:text-zinc-400">
                <dt className="text-zinc-500">Signed in</dt>
                <dd>
                  <time dateTime={new Date(session.createdAt).toISOString()}>
                    {signedInWhen(session.createdAt, now)}
                  </time>
                </dd>
                <dt className="text-zinc-500">Last seen</dt>
                <dd>
                  {session.current ? (
                    "now"
                  ) : (
                    <Time value={session.lastSeenAt} show="days-ago" now={now} />
                  )}
                </dd>
                <dt className="text-zinc-500">Approximate location</dt>
                <dd>{session.network ? `network ${session.network}` : "unknown"}</dd>
              </dl>
            </div>
            {session.current ? null : (
              <Form method="post">
                <input type="hidden" name="intent" value={SECURITY_INTENTS.signOutSession} />
                <input type="hidden" name="sessionId" value={session.id} />
                <Button size="sm" variant="secondary" aria-label={`Sign out ${session.device}, signed in ${formatDateTime(session.createdAt)}`}>
                  Sign out
                </Button>
              </Form>
            )}
          </li>
        ))}
      </ul>
      {others ? (
        <Form method="post" className="mt-4">
          <input type="hidden" name="intent" value={SECURITY_INTENTS.signOutOtherSessions} />
          <Button variant="secondary">Sign out everywhere else</Button>
        </Form>
      ) : (
        <p className="mt-3 text-sm text-zinc-500 dark:text-zinc-400">No other device is signed in.</p>
      )}
    </SecuritySection>
  );
}

/** "3 hours ago · 23 Nov 2026, 01:10 UTC"; past a week the relative time is already a date, so only the exact time. */
function signedInWhen(date: DateValue, now: number) {
  const relative = formatTimeAgo(date, now);
  return relative === formatDate(date) ? formatDateTime(date) : `${relative} · ${formatDateTime(date)}`;
}
