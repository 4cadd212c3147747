import { z } from "zod";
import { optionalText, requiredText, versionField } from "../product-fields";

export const personaFields = z.object({
  name: requiredText(120, "Name the persona."),
  segment: optionalText(200),
  goals: optionalText(5000),
  pains: optionalText(5000),
  jobs_to_be_done: optionalText(5000),
  quote: optionalText(1000),
});

export const createPersonaSchema = personaFields;
export const updatePersonaSchema = personaFields.extend({ version: versionField });

export type PersonaInput = z.infer<typeof personaFields>;

export const PERSONA_FIELDS = [
  { name: "name", label: "Name" },
  { name: "segment", label: "Segment or role" },
  { name: "goals", label: "Goals" },
  { name: "pains", label: "Pains" },
  { name: "jobs_to_be_done", label: "Jobs to be done" },
  { name: "quote", label: "Quote" },
] as const satisfies ReadonlyArray<{ name: keyof PersonaInput; label: string }>;
