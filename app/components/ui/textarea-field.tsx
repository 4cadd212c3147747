import { getTextareaProps, type FieldMetadata } from "@conform-to/react";
import type { ReactNode, TextareaHTMLAttributes } from "react";
import { FieldErrors, inputClass } from "./field";

export function TextareaField({
  label,
  meta,
  hint,
  rows = 3,
  ...props
}: { label: string; meta: FieldMetadata<string | undefined>; hint?: ReactNode } & Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  "name" | "id" | "defaultValue"
>) {
  return (
    <div>
      <label htmlFor={meta.id} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      <textarea {...getTextareaProps(meta)} key={meta.key} rows={rows} className={inputClass} {...props} />
      {hint ? <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">{hint}</p> : null}
      <FieldErrors id={meta.errorId} errors={meta.errors} />
    </div>
  );
}
