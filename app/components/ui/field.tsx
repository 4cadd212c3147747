import { getInputProps, getSelectProps, type FieldMetadata } from "@conform-to/react";
import type { InputHTMLAttributes, LabelHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";

export const inputClass =
  "block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm shadow-xs placeholder:text-zinc-400 aria-[invalid]:border-red-500 dark:border-zinc-700 dark:bg-zinc-900";

export function FieldErrors({ id, errors }: { id?: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <ul id={id} className="mt-1 space-y-0.5 text-sm text-red-600 dark:text-red-400">
      {errors.map((error) => (
        <li key={error}>{error}</li>
      ))}
    </ul>
  );
}

/** The label above a field. A `<legend>` of a group of fields takes the same look with `labelClass`. */
export const labelClass = "mb-1 block text-sm font-medium";

export function Label({ children, ...props }: LabelHTMLAttributes<HTMLLabelElement>) {
  return (
    <label {...props} className={labelClass}>
      {children}
    </label>
  );
}

/** The sentence under a field saying what it takes; give it an id when the field points at it (aria-describedby). */
export function Hint({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <p id={id} className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
      {children}
    </p>
  );
}

/**
 * A field's label, hint and errors around the control it is given: for controls that conform does not
 * bind (a file input, a filter, a key in the browser's vault) and for the field components below.
 */
export function FieldShell({
  label,
  htmlFor,
  hint,
  hintId,
  errors,
  errorId,
  className,
  children,
}: {
  label: ReactNode;
  htmlFor: string;
  hint?: ReactNode;
  hintId?: string;
  errors?: string[];
  errorId?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={className}>
      <Label htmlFor={htmlFor}>{label}</Label>
      {children}
      {hint ? <Hint id={hintId}>{hint}</Hint> : null}
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}

type InputType = "text" | "email" | "password" | "url" | "search" | "tel" | "number" | "date";

/** A labelled input bound to a conform field: errors are announced and the value survives a round trip. */
export function Field({
  label,
  meta,
  type = "text",
  hint,
  ...props
}: { label: string; meta: FieldMetadata<string | number | undefined>; type?: InputType; hint?: ReactNode } & Omit<
  InputHTMLAttributes<HTMLInputElement>,
  "type" | "name" | "id" | "defaultValue"
>) {
  return (
    <FieldShell label={label} htmlFor={meta.id} hint={hint} errors={meta.errors} errorId={meta.errorId}>
      <input {...getInputProps(meta, { type })} className={inputClass} {...props} key={meta.key} />
    </FieldShell>
  );
}

export function CheckboxField({ label, meta }: { label: ReactNode; meta: FieldMetadata<boolean | undefined> }) {
  return (
    <div>
      <div className="flex items-start gap-2">
        <input
          {...getInputProps(meta, { type: "checkbox" })}
          key={meta.key}
          className="mt-0.5 size-4 rounded border-zinc-300 accent-accent-600"
        />
        <label htmlFor={meta.id} className="text-sm">
          {label}
        </label>
      </div>
      <div className="pl-6">
        <FieldErrors id={meta.errorId} errors={meta.errors} />
      </div>
    </div>
  );
}

/** A labelled select bound to a conform field. */
export function SelectField({
  label,
  meta,
  options,
  hint,
  ...props
}: {
  label: string;
  meta: FieldMetadata<string | undefined>;
  options: ReadonlyArray<{ value: string; label: string }>;
  hint?: ReactNode;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, "name" | "id" | "defaultValue">) {
  return (
    <FieldShell label={label} htmlFor={meta.id} hint={hint} errors={meta.errors} errorId={meta.errorId}>
      <select {...getSelectProps(meta)} key={meta.key} className={inputClass} {...props}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}
