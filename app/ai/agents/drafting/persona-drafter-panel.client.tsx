import { useMemo, useState } from "react";
import { Button } from "~/components/ui/button";
import { inputClass } from "~/components/ui/field";
import { PanelFrame, type AiPanelProps } from "../../components/ai-action";
import { ProposalReview } from "../../components/proposal-review";
import { StructuredAgentRun } from "../../components/structured-agent-run.client";
import { useWorkspaceCorpus } from "../../use-workspace-corpus";
import { personaSources } from "./drafting-sources";
import { PERSONA_HINT_MAX, personaDrafter, type PersonaDraft } from "./persona-drafter";
import { personaProposal } from "./proposals";

export interface PersonaDrafterProps {
  slug: string;
}

/** Persona draft (PRODUCT.md §4): a one-line hint in, one persona grounded in the workspace out, to review. */
export default function PersonaDrafterPanel({ props: { slug }, onClose }: AiPanelProps<PersonaDrafterProps>) {
  const { corpus, error } = useWorkspaceCorpus(slug);
  const [typed, setTyped] = useState("");
  // The hint the preview and the run use: set on "Continue", so the preview does not change under each keystroke.
  const [hint, setHint] = useState("");
  const agent = useMemo(() => personaDrafter(hint), [hint]);
  const sources = useMemo(() => (corpus ? personaSources(corpus) : []), [corpus]);
  const names = useMemo(() => corpus?.transcripts.flatMap((t) => t.attendees) ?? [], [corpus]);
  return (
    <PanelFrame title="Draft a persona with AI" onClose={onClose}>
      <form
        className="mb-4 space-y-2"
        onSubmit={(event) => {
          event.preventDefault();
          setHint(typed.trim());
        }}
      >
        <label htmlFor="persona-hint" className="block text-sm font-medium">
          Who is this persona?
        </label>
        <div className="flex gap-2">
          <input
            id="persona-hint"
            className={inputClass}
            value={typed}
            maxLength={PERSONA_HINT_MAX}
            placeholder="e.g. finance admins at mid-size retailers"
            onChange={(event) => setTyped(event.target.value)}
          />
          <Button type="submit" variant="secondary" disabled={!typed.trim() || typed.trim() === hint}>
            Continue
          </Button>
        </div>
      </form>
      {error ? <p role="alert">{error}</p> : null}
      {!hint ? null : !corpus ? (
        <p className="text-zinc-500">Loading the workspace…</p>
      ) : (
        <StructuredAgentRun key={hint} agent={agent} sources={sources} names={names} renderPartial={(partial) => <PartialPersona partial={partial} />}>
          {(draft) => <ProposalReview title="Drafted persona" proposals={[personaProposal(slug, draft, sources)]} />}
        </StructuredAgentRun>
      )}
    </PanelFrame>
  );
}

function PartialPersona({ partial }: { partial: unknown }) {
  const draft = partial as Partial<PersonaDraft>;
  return (
    <div className="rounded border border-dashed border-zinc-300 px-2 py-1 dark:border-zinc-700">
      <p className="font-medium">{draft.name ?? "…"}</p>
      {draft.segment ? <p className="text-zinc-500">{draft.segment}</p> : null}
    </div>
  );
}
