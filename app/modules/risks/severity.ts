/**
 * Severity = likelihood × impact (1–25), stored by PostgreSQL as a generated column. The bands
 * follow the usual 5 × 5 risk matrix; products 17–19 cannot occur.
 */
export type SeverityBand = "low" | "medium" | "high" | "critical";

export const SEVERITY_BANDS: ReadonlyArray<{ band: SeverityBand; label: string; range: string }> = [
  { band: "low", label: "Low", range: "1–4" },
  { band: "medium", label: "Medium", range: "5–9" },
  { band: "high", label: "High", range: "10–16" },
  { band: "critical", label: "Critical", range: "20–25" },
];

export function severityBand(severity: number): SeverityBand {
  if (severity >= 20) return "critical";
  if (severity >= 10) return "high";
  if (severity >= 5) return "medium";
  return "low";
}

export function bandLabel(severity: number): string {
  return SEVERITY_BANDS.find((b) => b.band === severityBand(severity))!.label;
}
