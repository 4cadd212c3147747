import type { Conflict } from "~/components/conflict-notice";
import { STATUS_LABELS } from "./schema";
import { frameworkInputs, type Framework } from "./scoring";
import type { InitiativeStatus } from "../../../db/schema";

/** An initiative as a form holds it: ids for the owner and personas, numbers for the scores. */
export interface InitiativeValues {
  title: string;
  problem: string;
  description: string;
  status: InitiativeStatus;
  owner_id?: string | null;
  personas: readonly string[];
  tags: readonly string[];
  target_quarter?: string | null;
  [score: string]: unknown;
}

interface Names {
  members: ReadonlyArray<{ id: string; name: string }>;
  personas: ReadonlyArray<{ id: string; name: string }>;
}

function readable(framework: Framework, values: InitiativeValues, names: Names): Record<string, string> {
  const name = (list: Names["members"], id: string) => list.find((item) => item.id === id)?.name ?? "(removed)";
  return {
    title: values.title,
    problem: values.problem,
    description: values.description,
    status: STATUS_LABELS[values.status],
    owner_id: values.owner_id ? name(names.members, values.owner_id) : "No owner",
    personas: values.personas.map((id) => name(names.personas, id)).join(", "),
    tags: values.tags.join(", "),
    target_quarter: values.target_quarter ?? "",
    ...Object.fromEntries(frameworkInputs(framework).map(({ name: field }) => [field, values[field] == null ? "" : String(values[field])])),
  };
}

/** Both versions in words for the reader, and mine as form fields for "Save mine over theirs". */
export function describeConflict(framework: Framework, mine: InitiativeValues, theirs: InitiativeValues & { version: number }, names: Names): Conflict {
  return {
    mine: readable(framework, mine, names),
    theirs: readable(framework, theirs, names),
    version: theirs.version,
    resubmit: {
      title: mine.title,
      problem: mine.problem,
      description: mine.description,
      status: mine.status,
      owner_id: mine.owner_id ?? "",
      personas: [...mine.personas],
      tags: mine.tags.join(", "),
      target_quarter: mine.target_quarter ?? "",
      ...Object.fromEntries(frameworkInputs(framework).map(({ name }) => [name, mine[name] == null ? "" : String(mine[name])])),
    },
  };
}
