import { Form } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { Input, Panel, Select } from "~/modules/integrations/panel-parts";
import type { IntegrationActionResult } from "~/modules/integrations/action-result";
import type { IntegrationsPage } from "./integrations-page.server";

type SlackFeatures = NonNullable<IntegrationsPage["slack"]>;

function Choice({ result, ...props }: { id: string; name: string; label: string; options: { value: string; label: string }[]; result: IntegrationActionResult | undefined; empty: string; defaultValue?: string }) {
  return <Select {...props} error={result?.fieldErrors?.[props.name]} />;
}

/** What a connected Slack offers: the channel to post to, the three messages, and importing a thread. */
export function SlackPanel({ slack, result }: { slack: SlackFeatures; result: IntegrationActionResult | undefined }) {
  const mine = (intent: string) => (result?.intent === intent ? result : undefined);
  const threadErrors = mine("import-thread")?.fieldErrors;
  return (
    <>
      <Panel title="Slack channel">
        <p className="text-sm">{slack.chosenChannel ? <>Bearing posts to <strong>#{slack.chosenChannel.name}</strong>.</> : "Choose the channel Bearing posts to."}</p>
        {slack.channelsError ? <p className="text-sm text-red-600 dark:text-red-400">{slack.channelsError}</p> : null}
        <Form method="post" className="flex flex-wrap items-end gap-3">
          <input type="hidden" name="intent" value="choose-channel" />
          <Choice id="slack-channel" name="channelId" label="Channel" empty="No channels" defaultValue={slack.chosenChannel?.id} result={mine("choose-channel")} options={slack.channels.map((c) => ({ value: c.id, label: `#${c.name}` }))} />
          <Button variant="secondary">Use this channel</Button>
        </Form>
      </Panel>

      <Panel title="Post to Slack">
        <Form method="post" className="flex flex-wrap items-center gap-3">
          <input type="hidden" name="intent" value="post-roadmap" />
          <p className="flex-1 text-sm">The roadmap's Now, Next and Later, as one message.</p>
          <Button variant="secondary">Post roadmap update</Button>
        </Form>
        <Form method="post" className="flex flex-wrap items-end gap-3">
          <input type="hidden" name="intent" value="post-risk" />
          <Choice id="slack-risk" name="riskId" label="Risk" empty="No open risks" result={mine("post-risk")} options={slack.risks.map((r) => ({ value: r.id, label: `${r.title} (severity ${r.severity})` }))} />
          <Button variant="secondary">Post risk alert</Button>
        </Form>
        <Form method="post" className="flex flex-wrap items-end gap-3">
          <input type="hidden" name="intent" value="post-meeting" />
          <Choice id="slack-meeting" name="transcriptId" label="Meeting" empty="No meetings yet" result={mine("post-meeting")} options={slack.transcripts.map((t) => ({ value: t.id, label: t.title }))} />
          <Button variant="secondary">Post meeting summary</Button>
        </Form>
      </Panel>

      <Panel title="Import a Slack thread as a transcript">
        <Form method="post" className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-start">
          <input type="hidden" name="intent" value="import-thread" />
          <Input id="slack-thread-link" name="link" label="Link to the thread's first message" type="url" required defaultValue={mine("import-thread")?.values?.link} placeholder="https://team.slack.com/archives/C0123/p1700000000000100" error={threadErrors?.link} />
          <Input id="slack-thread-title" name="title" label="Title (optional)" maxLength={200} defaultValue={mine("import-thread")?.values?.title} error={threadErrors?.title} />
          <Button className="sm:mt-6">Import thread</Button>
        </Form>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">The import runs in the background; its progress and a link to the transcript show under “Imports, syncs and exports”.</p>
      </Panel>
    </>
  );
}
