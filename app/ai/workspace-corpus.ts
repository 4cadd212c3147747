/** A workspace item as the agents see it: a title, a short text and where it lives in the app. */
export interface CorpusItem {
  id: string;
  url: string;
  title: string;
  text: string;
}

export interface WorkspaceCorpus {
  vision: { url: string; number: number; text: string } | null;
  personas: CorpusItem[];
  competitors: CorpusItem[];
  initiatives: (CorpusItem & {
    status: string;
    version: number;
    rice: { reach: number | null; impact: number | null; confidence: number | null; effort: number | null };
  })[];
  roadmap: (CorpusItem & { lane: string; initiativeId: string | null })[];
  risks: CorpusItem[];
  transcripts: (CorpusItem & { version: number; attendees: string[] })[];
}
