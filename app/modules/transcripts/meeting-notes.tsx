import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { Button } from "~/components/ui/button";
import type { SpeakerColour } from "./speaker-colours";

export interface ActionItemView {
  id: string;
  text: string;
  owner: string | null;
  quote: string | null;
  initiativeId: string | null;
  riskId: string | null;
}

function Card({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
      <h2 className="text-sm font-semibold">{title}</h2>
      <div className="mt-2 text-sm">{children}</div>
    </section>
  );
}

const Muted = ({ children }: { children: ReactNode }) => <p className="text-zinc-500 dark:text-zinc-400">{children}</p>;

/** What was drawn from the meeting: attendees, summary, decisions, action items. */
export function MeetingNotes({
  slug,
  attendees,
  summary,
  decisions,
  actionItems,
  canEdit,
  colourOf,
}: {
  slug: string;
  attendees: string[];
  summary: string;
  decisions: string[];
  actionItems: ActionItemView[];
  canEdit: boolean;
  colourOf: (speaker: string | null) => SpeakerColour;
}) {
  const notYet = canEdit ? "Add it from Edit, or let the AI summariser draw it from the transcript." : "Nothing yet.";
  return (
    <div className="space-y-4">
      <Card title="Attendees">
        {attendees.length ? (
          <ul className="flex flex-wrap gap-1.5">
            {attendees.map((name) => (
              <li key={name} className={`rounded-full px-2.5 py-0.5 text-xs font-medium ${colourOf(name).avatar}`}>
                {name}
              </li>
            ))}
          </ul>
        ) : (
          <Muted>No attendees listed.</Muted>
        )}
      </Card>
      <Card title="Summary">
        {summary ? <p className="whitespace-pre-line text-zinc-700 dark:text-zinc-300">{summary}</p> : <Muted>No summary yet. {notYet}</Muted>}
      </Card>
      <Card title="Decisions">
        {decisions.length ? (
          <ul className="list-disc space-y-1 pl-5 text-zinc-700 marker:text-zinc-400 dark:text-zinc-300">
            {decisions.map((decision, index) => (
              <li key={index}>{decision}</li>
            ))}
          </ul>
        ) : (
          <Muted>No decisions recorded.</Muted>
        )}
      </Card>
      <Card title="Action items">
        {actionItems.length ? (
          <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {actionItems.map((item) => (
              <ActionItemRow key={item.id} slug={slug} item={item} canEdit={canEdit} />
            ))}
          </ul>
        ) : (
          <Muted>No action items.</Muted>
        )}
      </Card>
    </div>
  );
}

function ActionItemRow({ slug, item, canEdit }: { slug: string; item: ActionItemView; canEdit: boolean }) {
  return (
    <li className="py-2.5 first:pt-0 last:pb-0">
      <p className="text-zinc-800 dark:text-zinc-200">{item.text}</p>
      {item.owner ? <p className="text-xs text-zinc-500">Owner: {item.owner}</p> : null}
      {item.quote ? <p className="mt-1 border-l-2 border-zinc-300 pl-2 text-xs text-zinc-500 italic dark:border-zinc-700">“{item.quote}”</p> : null}
      <div className="mt-2 flex flex-wrap gap-2">
        {item.initiativeId ? (
          <Link to={`/w/${slug}/initiatives/${item.initiativeId}`} className="text-xs font-medium text-accent-600 hover:underline dark:text-accent-400">
            Initiative →
          </Link>
        ) : canEdit ? (
          <ConvertButton itemId={item.id} intent="convert-initiative" label="Make initiative" what={item.text} />
        ) : null}
        {item.riskId ? (
          <Link to={`/w/${slug}/risks/${item.riskId}`} className="text-xs font-medium text-accent-600 hover:underline dark:text-accent-400">
            Risk →
          </Link>
        ) : canEdit ? (
          <ConvertButton itemId={item.id} intent="convert-risk" label="Make risk" what={item.text} />
        ) : null}
      </div>
    </li>
  );
}

function ConvertButton({ itemId, intent, label, what }: { itemId: string; intent: string; label: string; what: string }) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="actionItemId" value={itemId} />
      <Button variant="secondary" size="sm" aria-label={`${label}: ${what}`}>
        {label}
      </Button>
    </Form>
  );
}
