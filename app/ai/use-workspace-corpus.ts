import { useEffect, useState } from "react";
import type { WorkspaceCorpus } from "./workspace-corpus";

/** The workspace's data for an agent, fetched when its panel opens (GET, nothing of a prompt in it). */
export function useWorkspaceCorpus(slug: string): { corpus: WorkspaceCorpus | null; error: string | null } {
  const [corpus, setCorpus] = useState<WorkspaceCorpus | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    fetch(`/w/${slug}/ai/corpus.json`, { signal: controller.signal, headers: { accept: "application/json" } })
      .then(async (response) => {
        if (!response.ok) throw new Error(`Bearing could not load the workspace data (HTTP ${response.status}). Reload the page and try again.`);
        setCorpus((await response.json()) as WorkspaceCorpus);
      })
      .catch((cause: unknown) => {
        if (!controller.signal.aborted) setError(cause instanceof Error ? cause.message : String(cause));
      });
    return () => controller.abort();
  }, [slug]);
  return { corpus, error };
}
