import { z } from "zod";
import type { ThreatLevel } from "../../../db/schema";
import { optionalText, requiredText, versionField } from "../product-fields";

export const THREAT_LEVELS = [
  { value: "low", label: "Low" },
  { value: "medium", label: "Medium" },
  { value: "high", label: "High" },
] as const satisfies ReadonlyArray<{ value: ThreatLevel; label: string }>;

/** People type "acme.com"; a link needs a scheme, and only web addresses may become links. */
function withScheme(value: string) {
  return value && !/^[a-z][a-z0-9+.-]*:/i.test(value) ? `https://${value}` : value;
}

function isWebAddress(value: string) {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && /^[^.\s]+(\.[^.\s]+)+$|^localhost$/i.test(url.hostname);
  } catch {
    return false;
  }
}

const websiteField = z
  .string()
  .trim()
  .max(500, "Use at most 500 characters.")
  .default("")
  .transform(withScheme)
  .refine((value) => value === "" || isWebAddress(value), "Enter a web address like https://example.com, or leave it empty.");

export const competitorFields = z.object({
  name: requiredText(120, "Name the competitor."),
  website: websiteField,
  positioning: optionalText(2000),
  strengths: optionalText(5000),
  weaknesses: optionalText(5000),
  pricing_notes: optionalText(2000),
  threat_level: z.enum(["low", "medium", "high"], { error: "Choose low, medium or high." }).default("medium"),
});

export const createCompetitorSchema = competitorFields;
export const updateCompetitorSchema = competitorFields.extend({ version: versionField });

export type CompetitorInput = z.infer<typeof competitorFields>;

export const COMPETITOR_FIELDS = [
  { name: "name", label: "Name" },
  { name: "website", label: "Website" },
  { name: "threat_level", label: "Threat level" },
  { name: "positioning", label: "Positioning" },
  { name: "strengths", label: "Strengths" },
  { name: "weaknesses", label: "Weaknesses" },
  { name: "pricing_notes", label: "Pricing notes" },
] as const satisfies ReadonlyArray<{ name: keyof CompetitorInput; label: string }>;

/** The comparison view puts two to four competitors side by side; more stops being readable. */
export const COMPARE_MIN = 2;
export const COMPARE_MAX = 4;
