import { Form, Link, useSubmit } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { inputClass } from "~/components/ui/field";
import { hasFilters, SORTS, type ListParams, type Sort } from "./list-params";
import { STATUS_OPTIONS } from "./schema";

export interface Facets {
  tags: readonly string[];
  quarters: readonly string[];
  owners: ReadonlyArray<{ id: string; name: string }>;
  personas: ReadonlyArray<{ id: string; name: string }>;
}

const selectClass = `${inputClass} w-auto max-w-[14rem] min-w-0`;

function Select({ label, name, value, options, all }: { label: string; name: string; value?: string; options: ReadonlyArray<{ value: string; label: string }>; all: string }) {
  return (
    <div>
      <label htmlFor={`filter-${name}`} className="mb-1 block text-xs font-medium text-zinc-600 dark:text-zinc-400">
        {label}
      </label>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? ""} className={selectClass}>
        <option value="">{all}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * Search, filters and sort as one GET form: the address holds the whole view, so it works without
 * JavaScript and can be shared. With JavaScript a changed select applies at once.
 */
export function ListFilters({ base, params, facets }: { base: string; params: ListParams; facets: Facets }) {
  const submit = useSubmit();
  const sorts = (Object.keys(SORTS) as Sort[]).filter((sort) => sort !== "relevance" || params.q);
  return (
    <Form
      method="get"
      action={base}
      role="search"
      aria-label="Filter initiatives"
      className="flex flex-wrap items-end gap-3"
      onChange={(event) => {
        if (event.target instanceof HTMLSelectElement) submit(event.currentTarget);
      }}
    >
      <div className="w-full sm:w-64">
        <label htmlFor="filter-q" className="mb-1 block text-xs font-medium text-zinc-600 dark:text-zinc-400">
          Search
        </label>
        <input id="filter-q" name="q" type="search" defaultValue={params.q} placeholder="Title, problem, description" className={inputClass} />
      </div>
      <Select label="Status" name="status" value={params.status} all="Any status" options={STATUS_OPTIONS} />
      <Select
        label="Owner"
        name="owner"
        value={params.owner}
        all="Anyone"
        options={[{ value: "none", label: "No owner" }, ...facets.owners.map((o) => ({ value: o.id, label: o.name }))]}
      />
      <Select label="Tag" name="tag" value={params.tag} all="Any tag" options={facets.tags.map((t) => ({ value: t, label: t }))} />
      <Select label="Persona" name="persona" value={params.persona} all="Any persona" options={facets.personas.map((p) => ({ value: p.id, label: p.name }))} />
      <Select label="Quarter" name="quarter" value={params.quarter} all="Any quarter" options={facets.quarters.map((q) => ({ value: q, label: q }))} />
      <div>
        <label htmlFor="filter-sort" className="mb-1 block text-xs font-medium text-zinc-600 dark:text-zinc-400">
          Sort by
        </label>
        <select id="filter-sort" name="sort" defaultValue={params.sort} className={selectClass}>
          {sorts.map((sort) => (
            <option key={sort} value={sort}>
              {SORTS[sort].label}
            </option>
          ))}
        </select>
      </div>
      <div className="flex gap-2">
        <Button variant="secondary">Apply</Button>
        {hasFilters(params) ? (
          <Link to={base} className="inline-flex items-center px-2 text-sm text-zinc-600 hover:underline dark:text-zinc-400">
            Clear
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
