// Prints what bench/bench.ts measured, as plain-text tables fit for a terminal and a commit note.

interface Load {
  requestsPerSecond: number;
  p99: number;
  non2xx: number;
  errors: number;
}

export interface BenchReport {
  scale: number;
  connections: number;
  duration: number;
  rows: Array<{ route: string; app: Load | null; floor: Load | null }>;
  queries: Record<string, { small: number; large: number } | null>;
  baselineRss: number;
  peakRss: number;
  seconds: number;
}

function table(header: string[], body: string[][]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join("  ");
  return [line(header), widths.map((width) => "-".repeat(width)).join("  "), ...body.map(line)].join("\n");
}

const rate = (value: number) => value.toLocaleString("en", { maximumFractionDigits: 0 });
const ms = (value: number) => `${value.toLocaleString("en", { maximumFractionDigits: 0 })} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

export function printTable(report: BenchReport) {
  const load = report.rows.map(({ route, app, floor }) => {
    if (!app || !floor) return [route, "not available", "", "", "", ""];
    const failed = (run: Load) => (run.non2xx + run.errors ? ` (${run.non2xx + run.errors} failed)` : "");
    // A run in which nothing answered in time has no latency to speak of.
    const latency = (run: Load) => (run.requestsPerSecond > 0 ? ms(run.p99) : "no answer");
    return [
      route,
      rate(app.requestsPerSecond) + failed(app),
      latency(app),
      rate(floor.requestsPerSecond) + failed(floor),
      latency(floor),
      floor.requestsPerSecond > 0 ? `${((app.requestsPerSecond / floor.requestsPerSecond) * 100).toFixed(1)} %` : "—",
    ];
  });
  const queries = Object.entries(report.queries).map(([route, counts]) =>
    counts ? [route, String(counts.small), String(counts.large), counts.small === counts.large ? "same" : "GROWS"] : [route, "not available", "", ""],
  );
  console.log(`
Bearing bench — workspace "Scale ${report.scale}" (${report.scale.toLocaleString("en")} initiatives, ${(2 * report.scale).toLocaleString("en")} risks, ${Math.round(report.scale / 5).toLocaleString("en")} roadmap items)
${report.connections} connections, ${report.duration} s per run; app = production build with session, membership check and HTML render;
floor = one bare pg query per route answered as JSON by node:http. ratio = app req/s ÷ floor req/s.

${table(["route", "app req/s", "app p99", "floor req/s", "floor p99", "ratio"], load)}

Server process memory (RSS): ${mb(report.baselineRss)} before load, ${mb(report.peakRss)} at peak (app and floor share the process; autocannon runs apart).

SQL queries per request (the whole request: session, membership, layout and page):
${table(["route", "10 items", `${report.scale.toLocaleString("en")} items`, ""], queries)}

Finished in ${report.seconds.toFixed(0)} s.`);
}
