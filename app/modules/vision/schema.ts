import { z } from "zod";
import { optionalText, requiredText } from "../product-fields";

export const visionFields = z.object({
  statement: requiredText(1000, "Write the vision statement."),
  mission: optionalText(2000),
  target_customers: optionalText(5000),
  principles: optionalText(5000),
  north_star_metric: optionalText(500),
});

/**
 * A vision is never edited in place: every save is a new version, numbered from 1. The form carries
 * the number it was based on (0 before the first save); a newer number stored in between is a conflict.
 */
export const saveVisionSchema = visionFields.extend({
  version: z.number({ error: "This form is out of date. Reload the page." }).int().min(0),
});

export type VisionInput = z.infer<typeof visionFields>;

export const VISION_FIELDS = [
  { name: "statement", label: "Vision statement" },
  { name: "mission", label: "Mission" },
  { name: "target_customers", label: "Target customers" },
  { name: "principles", label: "Product principles" },
  { name: "north_star_metric", label: "North-star metric" },
] as const satisfies ReadonlyArray<{ name: keyof VisionInput; label: string }>;
