import { getTextareaProps, type FieldMetadata } from "@conform-to/react";
import type { ReactNode, TextareaHTMLAttributes } from "react";
import { FieldShell, inputClass } from "./field";

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
    <FieldShell label={label} htmlFor={meta.id} hint={hint} errors={meta.errors} errorId={meta.errorId}>
      <textarea {...getTextareaProps(meta)} key={meta.key} rows={rows} className={inputClass} {...props} />
    </FieldShell>
  );
}
