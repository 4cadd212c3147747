import { Form } from "@remix-run/react";
import { Alert } from "./ui/alert";
import { Button } from "./ui/button";

export interface ConflictField {
  name: string;
  label: string;
}

export interface Conflict {
  /** What this person tried to save. */
  mine: Record<string, string>;
  /** What is stored now, saved by someone else. */
  theirs: Record<string, string>;
  /** The stored version: resubmitting "mine" against it overwrites deliberately. */
  version: number;
  /** The form fields to resubmit when "mine" shows readable values (names for ids, lists); defaults to "mine". */
  resubmit?: Record<string, string | string[]>;
}

/**
 * Shown when a save was based on an older version (PRODUCT.md §1.6): both texts side by side, then
 * an explicit choice. Nothing was overwritten.
 */
export function ConflictNotice({ conflict, fields, reloadTo }: { conflict: Conflict; fields: ConflictField[]; reloadTo: string }) {
  const changed = fields.filter((field) => (conflict.mine[field.name] ?? "") !== (conflict.theirs[field.name] ?? ""));
  return (
    <section aria-labelledby="conflict-title" className="space-y-4 rounded-xl border border-amber-300 p-4 dark:border-amber-800">
      <Alert tone="warning">
        <strong id="conflict-title">Someone else saved this while you were editing.</strong> Nothing was overwritten. Compare the versions and
        choose.
      </Alert>
      <table className="w-full table-fixed text-left text-sm">
        <thead>
          <tr className="text-zinc-500">
            <th className="w-1/5 py-1 font-medium">Field</th>
            <th className="py-1 font-medium">Your text</th>
            <th className="py-1 font-medium">Saved by someone else</th>
          </tr>
        </thead>
        <tbody className="align-top">
          {changed.map((field) => (
            <tr key={field.name} className="border-t border-zinc-200 dark:border-zinc-800">
              <th className="py-2 pr-2 font-medium">{field.label}</th>
              <td className="py-2 pr-2 whitespace-pre-wrap">{conflict.mine[field.name]}</td>
              <td className="py-2 whitespace-pre-wrap">{conflict.theirs[field.name]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="flex flex-wrap gap-2">
        <a href={reloadTo} className="inline-flex items-center rounded-md border border-zinc-300 px-3.5 py-2 text-sm font-medium dark:border-zinc-700">
          Keep their version
        </a>
        <Form method="post">
          {Object.entries(conflict.resubmit ?? conflict.mine).flatMap(([name, value]) =>
            (Array.isArray(value) ? value : [value]).map((item, index) => <input key={`${name}-${index}`} type="hidden" name={name} value={item} />),
          )}
          <input type="hidden" name="version" value={conflict.version} />
          <Button variant="primary">Save mine over theirs</Button>
        </Form>
      </div>
    </section>
  );
}
