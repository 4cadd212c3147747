import type { InputHTMLAttributes, ReactNode } from "react";
import { inputClass, FieldShell } from "~/components/ui/field";

/** One feature of a connected integration (a channel, an import, a push): a titled card. */
export function Panel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="rounded-xl border border-zinc-200 p-5 dark:border-zinc-800">
      <h2 className="font-medium">{title}</h2>
      <div className="mt-3 space-y-3">{children}</div>
    </section>
  );
}

/** A labelled choice among the provider's items (channels, sites, risks), its error under it. */
export function Select({ id, name, label, error, options, empty, defaultValue = "" }: { id: string; name: string; label: string; error?: string; options: { value: string; label: string }[]; empty: string; defaultValue?: string }) {
  return (
    <FieldShell label={label} htmlFor={id} errors={error ? [error] : undefined} errorId={`${id}-error`} className="min-w-0 flex-1">
      <select id={id} name={name} className={inputClass} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} defaultValue={defaultValue}>
        <option value="">{options.length ? "Choose…" : empty}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function Input({ id, name, label, error, ...props }: { id: string; name: string; label: string; error?: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FieldShell label={label} htmlFor={id} errors={error ? [error] : undefined} errorId={`${id}-error`} className="min-w-0 flex-1">
      <input id={id} name={name} className={inputClass} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} {...props} />
    </FieldShell>
  );
}
