import { Form, Link, useSubmit } from "@remix-run/react";
import type { ReactNode } from "react";
import { Button, buttonClass } from "~/components/ui/button";
import { inputClass } from "~/components/ui/field";
import { isFiltered, STATUS_FILTER_OPTIONS, type RiskFilter } from "./risk-filter";
import { RISK_SOURCES, SOURCE_LABELS } from "./schema";

interface Options {
  categories: readonly string[];
  owners: ReadonlyArray<{ id: string; name: string }>;
}

function Select({ label, name, value, children }: { label: string; name: string; value?: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={`risk-filter-${name}`} className="mb-1 block text-xs font-medium text-zinc-600 dark:text-zinc-400">
        {label}
      </label>
      <select id={`risk-filter-${name}`} name={name} defaultValue={value ?? ""} className={inputClass}>
        {children}
      </select>
    </div>
  );
}

/**
 * A GET form: filters become the URL, so views can be bookmarked and work without JavaScript.
 * With JavaScript, changing a list applies it at once; the button remains for everyone else.
 */
export function RiskFilters({ filter, base, options }: { filter: RiskFilter; base: string; options: Options }) {
  const submit = useSubmit();
  // Categories match regardless of case, so select the option as it is spelled; one that is
  // filtered on but no longer used stays listed, so the form always shows the filter applied.
  const chosenCategory = filter.category && (options.categories.find((c) => c.toLowerCase() === filter.category!.toLowerCase()) ?? filter.category);
  const categories = chosenCategory && !options.categories.includes(chosenCategory) ? [chosenCategory, ...options.categories] : options.categories;
  return (
    <Form
      method="get"
      action={base}
      role="search"
      aria-label="Filter risks"
      preventScrollReset
      className="rounded-xl border border-zinc-200 p-4 sm:p-5 dark:border-zinc-800"
      // The key resets the uncontrolled fields when the URL changes (a heat map cell, "Reset").
      key={JSON.stringify(filter)}
      onChange={(event) => {
        if (event.target instanceof HTMLSelectElement) submit(event.currentTarget, { preventScrollReset: true });
      }}
    >
      <h2 className="text-sm font-semibold">Filter</h2>
      <div className="mt-3 space-y-3">
        <div>
          <label htmlFor="risk-filter-q" className="mb-1 block text-xs font-medium text-zinc-600 dark:text-zinc-400">
            Search risks
          </label>
          <input id="risk-filter-q" name="q" type="search" defaultValue={filter.q} placeholder="Title, description, mitigation…" className={inputClass} />
        </div>
        <div className="grid grid-cols-2 gap-3">
          <Select label="Status" name="status" value={filter.status}>
            {STATUS_FILTER_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
          <Select label="Category" name="category" value={chosenCategory}>
            <option value="">Any category</option>
            {categories.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </Select>
          <Select label="Owner" name="owner" value={filter.owner}>
            <option value="">Anyone</option>
            <option value="none">Nobody yet</option>
            {options.owners.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </Select>
          <Select label="Source" name="source" value={filter.source}>
            <option value="">Any source</option>
            {RISK_SOURCES.map((s) => (
              <option key={s} value={s}>
                {SOURCE_LABELS[s]}
              </option>
            ))}
          </Select>
        </div>
        {filter.likelihood ? <input type="hidden" name="likelihood" value={filter.likelihood} /> : null}
        {filter.impact ? <input type="hidden" name="impact" value={filter.impact} /> : null}
        <div className="flex items-center gap-2 pt-1">
          <Button variant="secondary" size="sm">
            Apply filters
          </Button>
          {isFiltered(filter) ? (
            <Link to={base} className={buttonClass("ghost", "sm")} preventScrollReset>
              Reset
            </Link>
          ) : null}
        </div>
      </div>
    </Form>
  );
}
