import { Form, Link } from "@remix-run/react";
import { formatDateTime } from "~/components/dates";
import { Button } from "~/components/ui/button";
import type { IntegrationActionResult } from "~/modules/integrations/action-result";
import { Input, Panel, Select } from "~/modules/integrations/panel-parts";
import type { loadJiraPage } from "./jira-page.server";

type JiraPage = Extract<Awaited<ReturnType<typeof loadJiraPage>>, { connected: true }>;




/** A connected Jira: its site, importing by JQL, pushing an initiative as an epic, syncing statuses. */
export function JiraPanel({ jira, result, canChooseSite }: { jira: JiraPage; result: IntegrationActionResult | undefined; canChooseSite: boolean }) {
  const mine = (intent: string) => (result?.intent === intent ? result : undefined);
  return (
    <>
      <Panel title="Jira site">
        <p className="text-sm">{jira.site ? <>Bearing uses <strong>{jira.site.name}</strong> ({jira.site.url}).</> : "Choose the Jira site Bearing works with."}</p>
        {jira.sitesError ? <p className="text-sm text-red-600 dark:text-red-400">{jira.sitesError}</p> : null}
        {canChooseSite ? (
          <Form method="post" className="flex flex-wrap items-end gap-3">
            <input type="hidden" name="intent" value="choose-site" />
            <Select id="jira-site" name="cloudId" label="Site" empty="No sites" error={mine("choose-site")?.fieldErrors?.cloudId} options={jira.sites.map((s) => ({ value: s.id, label: `${s.name} (${s.url})` }))} />
            <Button variant="secondary">Use this site</Button>
          </Form>
        ) : null}
      </Panel>

      <Panel title="Import from Jira">
        <p className="text-sm">Each issue the query finds becomes an initiative linked to it. Issues already imported are skipped.</p>
        <Form method="post" className="flex flex-wrap items-end gap-3">
          <input type="hidden" name="intent" value="import" />
          <Input id="jira-jql" name="jql" label="JQL query" required maxLength={2000} placeholder="project = PAY AND issuetype = Epic" defaultValue={mine("import")?.values?.jql} error={mine("import")?.fieldErrors?.jql} />
          <Button disabled={!jira.site}>Import</Button>
        </Form>
      </Panel>

      <Panel title="Push an initiative to Jira">
        <Form method="post" className="flex flex-wrap items-end gap-3">
          <input type="hidden" name="intent" value="push" />
          <Select id="jira-initiative" name="initiativeId" label="Initiative" empty="Every initiative is linked already" error={mine("push")?.fieldErrors?.initiativeId} options={jira.initiatives.map((i) => ({ value: i.id, label: i.title }))} />
          <Input id="jira-project" name="projectKey" label="Project key" required maxLength={10} placeholder="PAY" defaultValue={mine("push")?.values?.projectKey} error={mine("push")?.fieldErrors?.projectKey} />
          <Button disabled={!jira.site}>Create epic</Button>
        </Form>
        {mine("push")?.values?.epicUrl ? <Link className="text-sm underline" to={mine("push")!.values!.epicUrl!}>Open the epic in Jira</Link> : null}
      </Panel>

      <Panel title="Statuses">
        <p className="text-sm">Linked initiatives follow their issue's status: To Do → Planned, In Progress → In progress, Done → Shipped.{jira.lastSyncAt ? ` Last synced ${formatDateTime(jira.lastSyncAt)}.` : ""}</p>
        <Form method="post">
          <input type="hidden" name="intent" value="sync" />
          <Button variant="secondary" disabled={!jira.site}>Sync statuses now</Button>
        </Form>
      </Panel>
    </>
  );
}
