import { z } from "zod";

// Field rules shared by every product-data form, browser and server alike.

/** Optional free text: empty becomes "", surrounding space is trimmed. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max.toLocaleString("en")} characters.`)
    .default("");

export const requiredText = (max: number, message: string) =>
  z.string({ error: message }).trim().min(1, message).max(max, `Use at most ${max.toLocaleString("en")} characters.`);

/** The version the edit started from; a save against an older one is a conflict. */
export const versionField = z.number({ error: "This form is out of date. Reload the page." }).int().min(1);

/** "2026-Q3": target and timeline quarters. */
export const quarterField = z
  .string()
  .trim()
  .regex(/^\d{4}-Q[1-4]$/, "Use a quarter like 2026-Q3.")
  .optional();
