import { Form, Link } from "@remix-run/react";
import { Alert } from "~/components/ui/alert";
import { Button, buttonClass } from "~/components/ui/button";
import type { ImportPreview } from "./csv-import.server";
import { ScoreWithFormula } from "./score-with-formula";
import type { Framework } from "./scoring";
import { StatusBadge } from "./status-badge";

const count = new Intl.NumberFormat("en");
const plural = (n: number, one: string, many = `${one}s`) => `${count.format(n)} ${n === 1 ? one : many}`;

/**
 * Every row of the file as it would be imported, with what is wrong with each; nothing is written
 * until the user confirms. The file travels back in a hidden field.
 */
export function ImportPreviewView({
  preview,
  csv,
  fileName,
  framework,
  notice,
  uploadAgain,
}: {
  preview: ImportPreview;
  csv: string;
  fileName: string;
  framework: Framework;
  notice?: string;
  uploadAgain: string;
}) {
  const ignored = preview.columns.filter((c) => !c.field).map((c) => c.header);
  const failing = preview.rows.filter((r) => r.errors.length > 0);
  return (
    <div className="space-y-6">
      {notice ? <Alert tone="error">{notice}</Alert> : null}
      <Alert tone={preview.invalid > 0 ? "warning" : "info"}>
        <strong>{fileName || "Your file"}</strong>: {plural(preview.rows.length, "row")} read, {count.format(preview.valid)} ready
        {preview.invalid > 0 ? `, ${plural(preview.invalid, "row")} with errors` : ""}. Nothing has been written yet.
      </Alert>
      <section aria-labelledby="columns-title" className="text-sm">
        <h2 id="columns-title" className="font-semibold">
          Columns
        </h2>
        <ul className="mt-2 flex flex-wrap gap-1.5">
          {preview.columns
            .filter((c) => c.field)
            .map((c) => (
              <li key={c.header} className="rounded-md bg-zinc-100 px-2 py-0.5 text-xs dark:bg-zinc-800">
                {c.header} → <span className="font-medium">{c.field}</span>
              </li>
            ))}
        </ul>
        {ignored.length > 0 ? <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">Ignored: {ignored.join(", ")}.</p> : null}
      </section>
      {failing.length > 0 ? (
        <section aria-labelledby="errors-title" className="rounded-xl border border-red-200 p-4 dark:border-red-900">
          <h2 id="errors-title" className="text-sm font-semibold text-red-700 dark:text-red-300">
            {plural(failing.length, "row")} cannot be imported
          </h2>
          <ul className="mt-2 space-y-1 text-sm">
            {failing.flatMap((r) =>
              r.errors.map((error) => (
                <li key={`${r.row}-${error}`}>
                  row {r.row}: {error}
                </li>
              )),
            )}
          </ul>
        </section>
      ) : null}
      <Form method="post" className="flex flex-wrap items-center gap-3">
        <input type="hidden" name="intent" value="import" />
        <input type="hidden" name="csv" value={csv} />
        <input type="hidden" name="fileName" value={fileName} />
        {preview.invalid === 0 ? (
          <Button>Import {plural(preview.valid, "initiative")}</Button>
        ) : preview.valid > 0 ? (
          <>
            <input type="hidden" name="skipInvalid" value="yes" />
            <Button variant="secondary">
              Import only the {plural(preview.valid, "valid row")}, skip {count.format(preview.invalid)}
            </Button>
          </>
        ) : null}
        <Link to={uploadAgain} className={buttonClass("ghost")}>
          {preview.invalid > 0 ? "Upload a corrected file" : "Choose another file"}
        </Link>
      </Form>
      <div className="overflow-x-auto rounded-xl border border-zinc-200 dark:border-zinc-800">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Every row of the file</caption>
          <thead className="bg-zinc-50 text-xs text-zinc-500 dark:bg-zinc-900 dark:text-zinc-400">
            <tr>
              {["Row", "Title", "Status", "Owner", "Quarter", "Tags", "Score", "Check"].map((h) => (
                <th key={h} scope="col" className="px-3 py-2 font-medium">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {preview.rows.map(({ row, initiative, errors }) => (
              <tr key={row} className={errors.length > 0 ? "bg-red-50/60 align-top dark:bg-red-950/30" : "align-top"}>
                <td className="px-3 py-2 text-zinc-500 tabular-nums">{row}</td>
                <td className="max-w-xs px-3 py-2 font-medium">{initiative.title || <span className="text-zinc-400">—</span>}</td>
                <td className="px-3 py-2">
                  {initiative.status ? <StatusBadge status={initiative.status} /> : <span className="text-zinc-400">—</span>}
                </td>
                <td className="px-3 py-2 whitespace-nowrap">{initiative.owner_name ?? <span className="text-zinc-400">—</span>}</td>
                <td className="px-3 py-2 whitespace-nowrap">{initiative.target_quarter ?? <span className="text-zinc-400">—</span>}</td>
                <td className="px-3 py-2 text-xs">{initiative.tags.join(", ")}</td>
                <td className="px-3 py-2">
                  <ScoreWithFormula framework={framework} values={initiative.scores} compact />
                </td>
                <td className="px-3 py-2 text-xs">
                  {errors.length === 0 ? (
                    <span className="text-emerald-700 dark:text-emerald-400">Ready</span>
                  ) : (
                    <ul className="space-y-0.5 text-red-700 dark:text-red-300">
                      {errors.map((e) => (
                        <li key={e}>{e}</li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
