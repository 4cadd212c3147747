/**
 * Personal data in what is about to leave the browser (PRODUCT.md §4: "the prompt preview flags
 * personal data … and offers redaction"). Redaction swaps each value for a placeholder such as
 * [EMAIL_1]; the same placeholders in the model's answer are swapped back, so the user reads real
 * names while the provider never saw them.
 */
export type PersonalDataKind = "email" | "phone" | "name";

export interface PersonalDataFinding {
  kind: PersonalDataKind;
  value: string;
  count: number;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
// Phone numbers: international ("+44 20 7946 0958", "+1 (415) 555-0142", "+4915112345678") or
// national with the usual separators ("020 7946 0958", "(415) 555-0142"), 8 to 15 digits.
// Dates, times, year ranges, amounts ("$12 500 000", "1.250.000 €") and IP addresses are not phones.
const INTERNATIONAL = String.raw`\+\d{1,3}(?:[\s.-]?(?:\(\d{1,4}\)|\d{1,5})){1,6}`;
const NATIONAL = String.raw`(?:\(\d{1,4}\)[\s.-]?)?\d{2,4}(?:[\s.-]\d{2,4}){1,4}`;
const PHONE = new RegExp(String.raw`(?<![\w/.+:-])(?:${INTERNATIONAL}|${NATIONAL})(?![\w/:-]|[.,]\d)`, "g");
const DATE = /^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})$/;
const YEAR_RANGE = /^(?:19|20)\d{2}[\s.-](?:19|20)\d{2}$/;
const THOUSANDS = /^\d{1,3}([\s.])\d{3}(?:\1\d{3})*$/;
const IP_ADDRESS = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const CURRENCY_BEFORE = /(?:[$€£¥₹]|\b(?:USD|EUR|GBP))\s?$/i;
const CURRENCY_AFTER = /^\s?(?:[$€£¥₹%]|(?:USD|EUR|GBP|dollars?|euros?|pounds?)\b)/i;

function phoneNumbersIn(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(PHONE)) {
    const value = match[0];
    const count = digits(value);
    if (count < 8 || count > 15 || DATE.test(value) || YEAR_RANGE.test(value) || THOUSANDS.test(value) || IP_ADDRESS.test(value)) continue;
    const end = match.index + value.length;
    if (CURRENCY_BEFORE.test(text.slice(Math.max(0, match.index - 5), match.index)) || CURRENCY_AFTER.test(text.slice(end, end + 10))) continue;
    found.push(value);
  }
  return found;
}

export function findPersonalData(texts: readonly string[], names: readonly string[] = []): PersonalDataFinding[] {
  const counts = new Map<string, PersonalDataFinding>();
  const add = (kind: PersonalDataKind, value: string) => {
    const key = `${kind}:${value.toLowerCase()}`;
    const found = counts.get(key);
    if (found) found.count += 1;
    else counts.set(key, { kind, value, count: 1 });
  };
  for (const text of texts) {
    for (const match of text.matchAll(EMAIL)) add("email", match[0]);
    for (const phone of phoneNumbersIn(text)) add("phone", phone);
    for (const { name, pattern } of namePatterns(names)) {
      for (const _ of text.matchAll(pattern)) add("name", name);
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

export interface Redaction {
  /** Placeholder → original value. */
  placeholders: Map<string, string>;
  apply(text: string): string;
}

/** A redaction of the chosen findings; the same value always gets the same placeholder. */
export function createRedaction(findings: readonly PersonalDataFinding[]): Redaction {
  const placeholders = new Map<string, string>();
  const numbering: Record<PersonalDataKind, number> = { email: 0, phone: 0, name: 0 };
  const replacements: { pattern: RegExp; placeholder: string }[] = [];
  // Longest first, so "Ana Lima" is replaced before "Ana".
  for (const finding of [...findings].sort((a, b) => b.value.length - a.value.length)) {
    numbering[finding.kind] += 1;
    const placeholder = `[${finding.kind === "name" ? "PERSON" : finding.kind.toUpperCase()}_${numbering[finding.kind]}]`;
    placeholders.set(placeholder, finding.value);
    const pattern = finding.kind === "name" ? namePattern(finding.value) : new RegExp(escapeRegExp(finding.value), "gi");
    replacements.push({ pattern, placeholder });
  }
  return {
    placeholders,
    apply: (text) => replacements.reduce((result, { pattern, placeholder }) => result.replace(pattern, placeholder), text),
  };
}

/** Puts the original values back wherever the model repeated a placeholder, in text or in structured output. */
export function restorePlaceholders<T>(value: T, placeholders: ReadonlyMap<string, string>): T {
  if (placeholders.size === 0) return value;
  if (typeof value === "string") {
    return value.replace(/\[(?:PERSON|EMAIL|PHONE)_\d+\]/g, (placeholder) => placeholders.get(placeholder) ?? placeholder) as T;
  }
  if (Array.isArray(value)) return value.map((item: unknown) => restorePlaceholders(item, placeholders)) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, restorePlaceholders(item, placeholders)])) as T;
  }
  return value;
}

/**
 * Each attendee's full name, and their first name on its own ("Ana Lima" is also "Ana" in the
 * conversation) — not where it starts the full name, which is counted already.
 */
function namePatterns(names: readonly string[]): { name: string; pattern: RegExp }[] {
  const patterns = new Map<string, RegExp>();
  for (const name of names) {
    const trimmed = name.trim();
    if (trimmed.length < 2) continue;
    patterns.set(trimmed, namePattern(trimmed));
    const [first, ...rest] = trimmed.split(/\s+/);
    if (first && first.length >= 3 && rest.length > 0 && !patterns.has(first)) {
      patterns.set(first, namePattern(first, `(?!\\s+${escapeRegExp(rest.join(" "))})`));
    }
  }
  return [...patterns].map(([name, pattern]) => ({ name, pattern }));
}

function namePattern(name: string, lookahead = ""): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])${lookahead}`, "gu");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function digits(text: string): number {
  return text.replace(/\D/g, "").length;
}
