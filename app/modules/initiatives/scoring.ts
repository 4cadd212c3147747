/**
 * Prioritisation frameworks (PRODUCT.md §3): the one place that knows their inputs, scales and
 * formulas. Plain code with no server imports, read by the list, the detail page, the board, the
 * CSV export, the form validation, the SQL sort order and (later) the AI.
 *
 * Scales, as each framework's authors use them:
 * - RICE (Intercom): reach = people or events per quarter, a whole number ≥ 0; impact on Intercom's
 *   scale 3 massive, 2 high, 1 medium, 0.5 low, 0.25 minimal; confidence 0–100 %; effort in
 *   person-months, more than 0. Score = reach × impact × confidence ÷ effort.
 * - WSJF (SAFe): business value, time criticality, risk reduction / opportunity enablement and job
 *   size, each on SAFe's modified Fibonacci 1, 2, 3, 5, 8, 13, 20, estimated relative to each other.
 *   Score = (business value + time criticality + risk reduction) ÷ job size.
 * - ICE (Sean Ellis): impact, confidence and ease, whole numbers 1–10. Score = impact × confidence × ease.
 * ICE's impact and confidence are stored apart from RICE's (`ice_impact`, `ice_confidence`): their
 * scales differ, and switching framework must never reinterpret one as the other.
 */

export const FRAMEWORK_IDS = ["rice", "wsjf", "ice"] as const;
export type Framework = (typeof FRAMEWORK_IDS)[number];

export const SCORE_INPUT_NAMES = [
  "reach",
  "impact",
  "confidence",
  "effort",
  "business_value",
  "time_criticality",
  "risk_reduction",
  "job_size",
  "ice_impact",
  "ice_confidence",
  "ease",
] as const;
export type ScoreInputName = (typeof SCORE_INPUT_NAMES)[number];
export type ScoreValues = Partial<Record<ScoreInputName, number | null>>;

export interface ScoreInput {
  name: ScoreInputName;
  label: string;
  /** How "needs …" hints name it. */
  short: string;
  /** The scale, shown under the field. */
  help: string;
  /** A fixed set of allowed values (the form shows a select). */
  choices?: ReadonlyArray<{ value: number; label: string }>;
  min?: number;
  max?: number;
  /** `min` itself is not allowed (a divisor of 0 would make the score infinite). */
  minExclusive?: boolean;
  integer?: boolean;
  /** Stored as a percentage: enters the formula divided by 100 and is shown with "%". */
  percent?: boolean;
  /** The field error for a value off the scale. */
  error: string;
}

const FIBONACCI = [1, 2, 3, 5, 8, 13, 20].map((value) => ({ value, label: String(value) }));
const FIBONACCI_ERROR = "Use 1, 2, 3, 5, 8, 13 or 20 (SAFe’s modified Fibonacci).";
const ONE_TO_TEN_ERROR = "Use a whole number from 1 to 10.";

export const SCORE_INPUTS: Record<ScoreInputName, ScoreInput> = {
  reach: {
    name: "reach",
    label: "Reach",
    short: "reach",
    help: "People or events per quarter.",
    min: 0,
    max: 1_000_000_000,
    integer: true,
    error: "Reach is a whole number of people or events per quarter, 0 or more.",
  },
  impact: {
    name: "impact",
    label: "Impact",
    short: "impact",
    help: "Per person reached: 3 massive, 2 high, 1 medium, 0.5 low, 0.25 minimal.",
    choices: [
      { value: 3, label: "3 — massive" },
      { value: 2, label: "2 — high" },
      { value: 1, label: "1 — medium" },
      { value: 0.5, label: "0.5 — low" },
      { value: 0.25, label: "0.25 — minimal" },
    ],
    error: "Impact is one of 3, 2, 1, 0.5 or 0.25.",
  },
  confidence: {
    name: "confidence",
    label: "Confidence (%)",
    short: "confidence",
    help: "How sure you are of these estimates: 100 high, 80 medium, 50 low.",
    min: 0,
    max: 100,
    percent: true,
    error: "Confidence is a percentage from 0 to 100.",
  },
  effort: {
    name: "effort",
    label: "Effort (person-months)",
    short: "effort",
    help: "Total work from everyone involved, more than 0.",
    min: 0,
    minExclusive: true,
    max: 1000,
    error: "Effort is in person-months: more than 0, at most 1,000.",
  },
  business_value: {
    name: "business_value",
    label: "Business value",
    short: "business value",
    help: "Relative value to users and the business: 1, 2, 3, 5, 8, 13, 20.",
    choices: FIBONACCI,
    error: FIBONACCI_ERROR,
  },
  time_criticality: {
    name: "time_criticality",
    label: "Time criticality",
    short: "time criticality",
    help: "How much the value decays with delay: 1, 2, 3, 5, 8, 13, 20.",
    choices: FIBONACCI,
    error: FIBONACCI_ERROR,
  },
  risk_reduction: {
    name: "risk_reduction",
    label: "Risk reduction",
    short: "risk reduction",
    help: "Risk it removes or opportunity it enables: 1, 2, 3, 5, 8, 13, 20.",
    choices: FIBONACCI,
    error: FIBONACCI_ERROR,
  },
  job_size: {
    name: "job_size",
    label: "Job size",
    short: "job size",
    help: "Relative size of the work: 1, 2, 3, 5, 8, 13, 20.",
    choices: FIBONACCI,
    error: FIBONACCI_ERROR,
  },
  ice_impact: {
    name: "ice_impact",
    label: "Impact (1–10)",
    short: "impact",
    help: "How much it moves the goal, 1 to 10.",
    min: 1,
    max: 10,
    integer: true,
    error: ONE_TO_TEN_ERROR,
  },
  ice_confidence: {
    name: "ice_confidence",
    label: "Confidence (1–10)",
    short: "confidence",
    help: "How sure you are it will, 1 to 10.",
    min: 1,
    max: 10,
    integer: true,
    error: ONE_TO_TEN_ERROR,
  },
  ease: {
    name: "ease",
    label: "Ease (1–10)",
    short: "ease",
    help: "How easy it is to do, 1 (hard) to 10 (trivial).",
    min: 1,
    max: 10,
    integer: true,
    error: ONE_TO_TEN_ERROR,
  },
};

export interface FrameworkDefinition {
  id: Framework;
  name: string;
  title: string;
  /** How the terms combine before the optional division. */
  combine: "product" | "sum";
  terms: readonly ScoreInputName[];
  divisor: ScoreInputName | null;
  /** The formula in words, shown when an input is missing. */
  formula: string;
}

export const FRAMEWORKS: Record<Framework, FrameworkDefinition> = {
  rice: {
    id: "rice",
    name: "RICE",
    title: "Reach × impact × confidence ÷ effort",
    combine: "product",
    terms: ["reach", "impact", "confidence"],
    divisor: "effort",
    formula: "reach × impact × confidence ÷ effort",
  },
  wsjf: {
    id: "wsjf",
    name: "WSJF",
    title: "Weighted shortest job first: cost of delay ÷ job size",
    combine: "sum",
    terms: ["business_value", "time_criticality", "risk_reduction"],
    divisor: "job_size",
    formula: "(business value + time criticality + risk reduction) ÷ job size",
  },
  ice: {
    id: "ice",
    name: "ICE",
    title: "Impact × confidence × ease",
    combine: "product",
    terms: ["ice_impact", "ice_confidence", "ease"],
    divisor: null,
    formula: "impact × confidence × ease",
  },
};

export function isFramework(value: unknown): value is Framework {
  return typeof value === "string" && (FRAMEWORK_IDS as readonly string[]).includes(value);
}

/** The inputs a framework reads, in formula order. */
export function frameworkInputs(framework: Framework): ScoreInput[] {
  const { terms, divisor } = FRAMEWORKS[framework];
  return [...terms, ...(divisor ? [divisor] : [])].map((name) => SCORE_INPUTS[name]);
}

/** Whether a value lies on the input's scale. */
export function isOnScale(input: ScoreInput, value: number): boolean {
  if (!Number.isFinite(value)) return false;
  if (input.choices) return input.choices.some((choice) => choice.value === value);
  if (input.integer && !Number.isInteger(value)) return false;
  if (input.min !== undefined && (input.minExclusive ? value <= input.min : value < input.min)) return false;
  return input.max === undefined || value <= input.max;
}

export interface Score {
  framework: Framework;
  /** "RICE" */
  name: string;
  /** Undefined inputs make no score: null, never NaN or Infinity. */
  value: number | null;
  /** "42", or "—" without a score. */
  display: string;
  /** "2,000 × 2 × 80% ÷ 76" with the inputs, or the formula in words while one is missing. */
  formula: string;
  missing: ScoreInput[];
}

const inputNumber = new Intl.NumberFormat("en", { maximumFractionDigits: 2 });

export function formatScoreValue(value: number): string {
  const digits = Math.abs(value) >= 10 ? 0 : Math.abs(value) >= 1 ? 1 : 2;
  return new Intl.NumberFormat("en", { maximumFractionDigits: digits }).format(value);
}

function formatInput(input: ScoreInput, value: number): string {
  return input.percent ? `${inputNumber.format(value)}%` : inputNumber.format(value);
}

/** A usable input: present and on its scale (a stored 0 effort is as good as none). */
function usable(input: ScoreInput, value: number | null | undefined): value is number {
  return typeof value === "number" && isOnScale(input, value);
}

export function computeScore(framework: Framework, values: ScoreValues): Score {
  const definition = FRAMEWORKS[framework];
  const inputs = frameworkInputs(framework);
  const missing = inputs.filter((input) => !usable(input, values[input.name]));
  const base = { framework, name: definition.name, missing };
  if (missing.length > 0) return { ...base, value: null, display: "—", formula: definition.formula };

  const amount = (name: ScoreInputName) => (values[name] as number) / (SCORE_INPUTS[name].percent ? 100 : 1);
  const termValues = definition.terms.map(amount);
  const combined = definition.combine === "product" ? termValues.reduce((a, b) => a * b, 1) : termValues.reduce((a, b) => a + b, 0);
  const value = definition.divisor ? combined / amount(definition.divisor) : combined;
  if (!Number.isFinite(value)) return { ...base, value: null, display: "—", formula: definition.formula };

  const shown = definition.terms.map((name) => formatInput(SCORE_INPUTS[name], values[name] as number));
  const joined = definition.combine === "product" ? shown.join(" × ") : `(${shown.join(" + ")})`;
  const divisor = definition.divisor ? ` ÷ ${formatInput(SCORE_INPUTS[definition.divisor], values[definition.divisor] as number)}` : "";
  return { ...base, value, display: formatScoreValue(value), formula: `${joined}${divisor}` };
}

/** "needs effort", "needs reach and effort", "needs reach, impact and effort". */
export function missingHint(score: Score): string {
  const names = score.missing.map((input) => input.short);
  if (names.length === 0) return "";
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
  return `needs ${list}`;
}

/** One line, as the CSV and screen readers get it: "RICE 42 = 2,000 × 2 × 80% ÷ 76" or "RICE — needs effort". */
export function describeScore(score: Score): string {
  return score.value === null ? `${score.name} — ${missingHint(score)}` : `${score.name} ${score.display} = ${score.formula}`;
}
