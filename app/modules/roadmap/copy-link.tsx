import { useState } from "react";
import { inputClass } from "~/components/ui/field";
import { useHydrated } from "~/components/use-hydrated";

/** A link to copy: selectable text without JavaScript, a Copy button with it. */
export function CopyLink({ url }: { url: string }) {
  const hydrated = useHydrated();
  const [copied, setCopied] = useState(false);
  return (
    <div className="mt-2 flex flex-wrap items-center gap-2">
      <label htmlFor="share-url" className="sr-only">
        Share link
      </label>
      <input id="share-url" readOnly value={url} className={`${inputClass} min-w-0 flex-1 font-mono text-xs`} onFocus={(event) => event.currentTarget.select()} />
      {hydrated ? (
        <button
          type="button"
          className="rounded-md border border-emerald-300 bg-white px-3 py-2 text-xs font-medium text-emerald-900 hover:bg-emerald-50 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100"
          onClick={() => void navigator.clipboard.writeText(url).then(() => setCopied(true))}
        >
          {copied ? "Copied" : "Copy"}
        </button>
      ) : null}
      <a href={url} target="_blank" rel="noreferrer" className="text-xs font-medium underline">
        Open
      </a>
    </div>
  );
}
