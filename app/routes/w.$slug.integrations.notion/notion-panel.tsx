import { Form, Link } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import type { IntegrationActionResult } from "~/modules/integrations/action-result";
import { Input, Panel } from "~/modules/integrations/panel-parts";
import type { loadNotionPage } from "./notion-page.server";

type NotionPage = Extract<Awaited<ReturnType<typeof loadNotionPage>>, { connected: true }>;

/** A connected Notion: search the shared pages, import one as a transcript or a note, export the roadmap under one. */
export function NotionPanel({ notion, result }: { notion: NotionPage; result: IntegrationActionResult | undefined }) {
  const pageError = result?.fieldErrors?.pageId;
  return (
    <>
      <Panel title="Search Notion pages">
        <p className="text-sm">Bearing sees only the pages shared with it in Notion{notion.account ? ` (${notion.account})` : ""}.</p>
        <Form method="get" className="flex flex-wrap items-end gap-3">
          <Input id="notion-q" name="q" label="Page title" maxLength={200} defaultValue={notion.query} placeholder="Weekly sync" error={notion.searchError ?? undefined} />
          <Button variant="secondary">Search</Button>
        </Form>
        {pageError ? <p className="text-sm text-red-600 dark:text-red-400" id="notion-page-error">{pageError}</p> : null}
        {notion.searched && !notion.results.length && !notion.searchError ? <p className="text-sm">No shared page has that title.</p> : null}
        <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {notion.results.map((page) => (
            <li key={page.id} className="flex flex-wrap items-center gap-3 py-2">
              <a className="min-w-0 flex-1 truncate text-sm underline" href={page.url} rel="noreferrer" target="_blank">
                {page.title}
              </a>
              <Form method="post" className="flex gap-2">
                <input type="hidden" name="intent" value="import" />
                <input type="hidden" name="pageId" value={page.id} />
                <Button variant="secondary" name="as" value="meeting">
                  Import as transcript
                </Button>
                <Button variant="secondary" name="as" value="note">
                  Import as note
                </Button>
              </Form>
              <Form method="post">
                <input type="hidden" name="intent" value="export" />
                <input type="hidden" name="pageId" value={page.id} />
                <Button variant="secondary">Export roadmap under this page</Button>
              </Form>
            </li>
          ))}
        </ul>
        {notion.nextCursor ? (
          <Link className="text-sm underline" to={`?q=${encodeURIComponent(notion.query)}&cursor=${encodeURIComponent(notion.nextCursor)}`}>
            More pages
          </Link>
        ) : null}
      </Panel>

      <Panel title="Roadmap in Notion">
        <p className="text-sm">
          Exporting makes a database with Name, Lane, Status, Quarter and Bearing ID under the page you choose; exporting again updates its rows.
        </p>
        {notion.exportedTo ? (
          <div className="flex flex-wrap items-center gap-3">
            <a className="text-sm underline" href={notion.exportedTo} rel="noreferrer" target="_blank">
              Open the roadmap database in Notion
            </a>
            {notion.exportParentPageId ? (
              <Form method="post">
                <input type="hidden" name="intent" value="export" />
                <input type="hidden" name="pageId" value={notion.exportParentPageId} />
                <Button>Export again</Button>
              </Form>
            ) : null}
          </div>
        ) : (
          <p className="text-sm">Search for the page to put it under, then choose “Export roadmap under this page”.</p>
        )}
      </Panel>
    </>
  );
}
