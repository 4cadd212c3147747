import { Link, useFetcher } from "@remix-run/react";
import { useState, type ReactNode } from "react";
import { buttonClass } from "~/components/ui/button";

export interface ProposalField {
  name: string;
  label: string;
  value: string;
  type?: "text" | "textarea" | "score";
}

/** One thing an agent proposes, and how accepting it is saved: a post to an ordinary action of the app. */
export interface Proposal {
  key: string;
  kind: string;
  title: string;
  body?: ReactNode;
  /** The passage it came from, and whether that passage really is in the source. */
  quote?: { text: string; found: boolean };
  fields: ProposalField[];
  /** The route action that saves it, as a form would post to it. */
  action: string;
  hidden?: Record<string, string>;
  /**
   * For actions that take a whole record (a transcript's notes): builds the posted fields from the
   * accepted values and the page's current data. Without it, `hidden` and the values are posted.
   */
  compose?: (values: Record<string, string>) => Record<string, string>;
}

type SaveResult = {
  created?: { id: string; url: string };
  saved?: { url: string };
  result?: { error?: Record<string, string[] | null> };
  /** The version check refused the save (409): someone saved the item since the page loaded. */
  conflict?: unknown;
};

/**
 * Review before save (PRODUCT.md §4): each proposal is accepted, edited then accepted, or
 * rejected. Accepting posts to the same action the app's own form uses, marked with source "ai",
 * so the same validation, permissions and activity log apply; nothing else is ever written.
 */
export function ProposalReview({ title, proposals }: { title: string; proposals: Proposal[] }) {
  if (proposals.length === 0) return <p className="text-zinc-600 dark:text-zinc-400">Nothing to propose for {title.toLowerCase()}.</p>;
  return (
    <section aria-label={title} className="space-y-3">
      <h3 className="font-semibold">{title}</h3>
      <ul className="space-y-3">
        {proposals.map((proposal) => (
          <ProposalItem key={proposal.key} proposal={proposal} />
        ))}
      </ul>
    </section>
  );
}

/** What accepting a proposal posts: its fields as reviewed, marked as coming from an agent, answered with data. */
export function acceptedForm(proposal: Proposal, values: Record<string, string>): Record<string, string> {
  return { ...(proposal.compose ? proposal.compose(values) : { ...proposal.hidden, ...values }), source: "ai", _stay: "1" };
}

function ProposalItem({ proposal }: { proposal: Proposal }) {
  const fetcher = useFetcher<SaveResult>();
  const [mode, setMode] = useState<"review" | "edit" | "rejected">("review");
  const [values, setValues] = useState(() => Object.fromEntries(proposal.fields.map((field) => [field.name, field.value])));
  const created = fetcher.data?.created;
  const saved = created ?? fetcher.data?.saved;
  const errors = fetcher.data?.result?.error ?? {};
  const fieldErrors = Object.entries(errors).filter(([, messages]) => messages?.length);
  const busy = fetcher.state !== "idle";

  const conflict = Boolean(fetcher.data?.conflict) && fetcher.state === "idle";
  const accept = () => fetcher.submit(acceptedForm(proposal, values), { method: "post", action: proposal.action });

  return (
    <li
      aria-label={`${proposal.kind}: ${proposal.title}`}
      className={`rounded-lg border p-3 ${mode === "rejected" ? "border-zinc-200 opacity-50 dark:border-zinc-800" : "border-zinc-300 dark:border-zinc-700"}`}
    >
      <p className="text-xs font-medium tracking-wide text-zinc-500 uppercase">{proposal.kind}</p>
      <p className="font-medium">{values.title ?? proposal.title}</p>
      {proposal.body ? <div className="mt-1 text-zinc-700 dark:text-zinc-300">{proposal.body}</div> : null}
      {proposal.quote ? (
        <blockquote className="mt-2 border-l-2 border-zinc-300 pl-2 text-xs text-zinc-600 italic dark:border-zinc-700 dark:text-zinc-400">
          “{proposal.quote.text}”
          {proposal.quote.found ? null : (
            <span className="ml-1 font-medium text-amber-700 not-italic dark:text-amber-400">— not found in the source; check before accepting</span>
          )}
        </blockquote>
      ) : null}
      {mode === "edit" ? (
        <div className="mt-3 space-y-2">
          {proposal.fields.map((field) => (
            <EditField key={field.name} field={field} value={values[field.name] ?? ""} onChange={(value) => setValues({ ...values, [field.name]: value })} />
          ))}
        </div>
      ) : null}
      {fieldErrors.length > 0 ? (
        <ul role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400">
          {fieldErrors.map(([field, messages]) => (
            <li key={field}>
              {labelOf(proposal, field)}
              {messages?.join(" ")}
            </li>
          ))}
        </ul>
      ) : null}
      {conflict ? (
        <p role="alert" className="mt-2 text-sm text-amber-800 dark:text-amber-300">
          Not saved: someone else changed this since it was read, and nothing of theirs was overwritten. Check their change, then accept again.
        </p>
      ) : null}
      <div className="mt-3 flex flex-wrap items-center gap-2">
        {saved ? (
          <p role="status" className="text-sm font-medium text-emerald-700 dark:text-emerald-400">
            {created ? "Saved, marked AI." : "Saved."} <Link to={saved.url} className="underline">Open it</Link>
          </p>
        ) : mode === "rejected" ? (
          <>
            <p className="text-sm">Rejected.</p>
            <button type="button" className={buttonClass("ghost", "sm")} onClick={() => setMode("review")}>
              Undo
            </button>
          </>
        ) : (
          <>
            <button type="button" className={buttonClass("primary", "sm")} disabled={busy} onClick={accept}>
              {busy ? "Saving…" : mode === "edit" ? "Save edited" : "Accept"}
            </button>
            {mode === "review" ? (
              <button type="button" className={buttonClass("secondary", "sm")} onClick={() => setMode("edit")}>
                Edit
              </button>
            ) : null}
            <button type="button" className={buttonClass("ghost", "sm")} onClick={() => setMode("rejected")}>
              Reject
            </button>
          </>
        )}
      </div>
    </li>
  );
}

/** A field's label before its error; errors about the item as a whole (its version, the form) stand alone. */
function labelOf(proposal: Proposal, field: string): string {
  const label = proposal.fields.find((f) => f.name === field)?.label;
  return label ? `${label}: ` : "";
}

const inputClass = "mt-1 block w-full rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900";

function EditField({ field, value, onChange }: { field: ProposalField; value: string; onChange: (value: string) => void }) {
  return (
    <label className="block text-sm font-medium">
      {field.label}
      {field.type === "textarea" ? (
        <textarea className={inputClass} rows={3} value={value} onChange={(event) => onChange(event.target.value)} />
      ) : field.type === "score" ? (
        <select className={inputClass} value={value} onChange={(event) => onChange(event.target.value)}>
          {[1, 2, 3, 4, 5].map((score) => (
            <option key={score} value={score}>
              {score}
            </option>
          ))}
        </select>
      ) : (
        <input className={inputClass} value={value} onChange={(event) => onChange(event.target.value)} />
      )}
    </label>
  );
}
