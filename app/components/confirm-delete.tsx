import { Form, Link } from "@remix-run/react";
import { Button, buttonClass } from "./ui/button";

/** Deleting takes two clicks, without JavaScript too: the first only reveals the real button. */
export function ConfirmDelete({ what, action }: { what: string; action?: string }) {
  return (
    <details className="group relative">
      <summary className="cursor-pointer list-none rounded-md px-3 py-2 text-sm font-medium text-red-600 hover:bg-red-50 dark:text-red-400 dark:hover:bg-red-950 [&::-webkit-details-marker]:hidden">
        Delete
      </summary>
      <Form
        method="post"
        action={action}
        className="absolute right-0 z-20 mt-2 w-64 rounded-lg border border-zinc-200 bg-white p-3 text-sm shadow-lg dark:border-zinc-800 dark:bg-zinc-900"
      >
        <p>Delete {what}? This cannot be undone.</p>
        <input type="hidden" name="intent" value="delete" />
        <Button variant="danger" size="sm" className="mt-3 w-full">
          Yes, delete {what}
        </Button>
      </Form>
    </details>
  );
}

/** The header actions of an item's page for people who may change it: edit, and delete with confirmation. */
export function EditDeleteActions({ what }: { what: string }) {
  return (
    <div className="flex items-center gap-2">
      <Link to="edit" className={buttonClass("secondary")}>
        Edit
      </Link>
      <ConfirmDelete what={what} />
    </div>
  );
}
