/**
 * What a browser error report says: the error's first line, with quoted text and long tokens cut out.
 * An error can quote what it failed on — JSON.parse quotes the text it could not read, a provider's
 * refusal may quote part of a key — and on the AI screens that text can be a model's answer or a key,
 * which must never reach our server (PRODUCT.md §6 promise 3). What is left still says what went wrong.
 */
export function browserErrorMessage(reason: unknown): string {
  const text = reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason ?? "");
  return (text.split("\n")[0] ?? "")
    .replace(/(["'`“‘])[^"'`”’]*["'`”’]/g, "$1…$1")
    .replace(/[\w+/=.-]{24,}/g, "…")
    .trim()
    .slice(0, 1000);
}
