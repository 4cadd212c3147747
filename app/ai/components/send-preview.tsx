import { buttonClass } from "~/components/ui/button";
import { formatCost } from "../pricing";
import { findingKey, type OutgoingPrompt } from "../use-outgoing-prompt";

const KIND_LABELS = { email: "Email", phone: "Phone", name: "Name" } as const;

/** "What leaves this browser": the destination, personal data with one-click redaction, and the estimate. */
export function SendPreview({ outgoing, destination }: { outgoing: OutgoingPrompt; destination: string | null }) {
  const { findings, redacted, toggle, redactAll, instructionLike, estimate, prompt } = outgoing;
  return (
    <section aria-labelledby="send-preview-title" className="space-y-3 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
      <h3 id="send-preview-title" className="font-semibold">
        What leaves this browser
      </h3>
      <p className="text-zinc-600 dark:text-zinc-400">
        {destination ? (
          <>
            Sent straight to <strong className="text-zinc-900 dark:text-zinc-100">{destination}</strong>.{" "}
          </>
        ) : null}
        Bearing&rsquo;s server never sees your key, this text or the answer.
      </p>
      {findings.length > 0 ? (
        <div>
          <div className="flex items-center justify-between gap-2">
            <p className="font-medium">Personal data found</p>
            <button type="button" className={buttonClass("secondary", "sm")} onClick={redactAll}>
              Redact all
            </button>
          </div>
          <ul className="mt-2 flex flex-wrap gap-2" aria-label="Personal data found">
            {findings.map((finding) => (
              <li key={findingKey(finding)}>
                <label className="inline-flex items-center gap-1.5 rounded-full border border-amber-300 bg-amber-50 px-2.5 py-1 text-xs text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
                  <input type="checkbox" checked={redacted.has(findingKey(finding))} onChange={() => toggle(finding)} />
                  <span>
                    {KIND_LABELS[finding.kind]}: {finding.value}
                    {finding.count > 1 ? ` ×${finding.count}` : ""}
                  </span>
                  <span className="sr-only">— redact</span>
                </label>
              </li>
            ))}
          </ul>
          <p className="mt-1 text-xs text-zinc-500">Checked items go out as placeholders such as [PERSON_1] and are put back in the answer.</p>
        </div>
      ) : (
        <p className="text-zinc-600 dark:text-zinc-400">No emails, phone numbers or attendee names found.</p>
      )}
      {instructionLike.length > 0 ? (
        <div role="note" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          <p className="font-medium">This text contains lines addressed to an AI</p>
          <ul className="mt-1 list-disc pl-5 text-xs">
            {instructionLike.map((line) => (
              <li key={line}>&ldquo;{line}&rdquo;</li>
            ))}
          </ul>
          <p className="mt-1 text-xs">They are sent as quoted data, never as instructions, and nothing is saved until you accept it.</p>
        </div>
      ) : null}
      <p data-testid="estimate">
        Estimate: ≈ {estimate.inputTokens.toLocaleString("en")} tokens in, up to ≈ {estimate.outputTokens.toLocaleString("en")} out ·{" "}
        {formatCost(estimate.cost)} <span className="text-xs text-zinc-500">(list prices; your provider bills the real usage)</span>
      </p>
      <details>
        <summary className="cursor-pointer text-xs font-medium text-zinc-600 dark:text-zinc-400">Show the exact text</summary>
        <pre className="mt-2 max-h-64 overflow-auto rounded bg-zinc-100 p-2 text-xs whitespace-pre-wrap dark:bg-zinc-900">
          {prompt.system}
          {"\n\n"}
          {prompt.prompt}
        </pre>
      </details>
    </section>
  );
}
