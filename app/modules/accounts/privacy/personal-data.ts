// PRODUCT.md §6 promise 7: the one list of every table that can hold a row about a person, used by the
// personal export, the account-deletion summary and the promise-7 test. That test reads the database
// catalogue and fails when a table gains a column pointing at a user that is not listed here, so
// neither the export nor the deletion can silently fall behind the schema.

/** What happens to a row when its person deletes their account. */
export type Fate =
  /** The row is the person's own (a session, a membership): it is deleted. */
  | "deleted"
  /** The row is a workspace's (an initiative they wrote): it stays, with the reference to them cleared. */
  | "unlinked";

export interface PersonalTable {
  /** Columns that hold the user's id: a row is about the user when any of them is. */
  links: readonly string[];
  /** Credentials: never exported; the export says they exist instead (docs/personal-export-format.md). */
  secrets?: readonly string[];
  /** Computed from other columns (full-text vectors): left out as noise. */
  derived?: readonly string[];
  fate: Fate;
  /** How the deletion summary names these rows. */
  label: string;
}

const content = (label: string, links: readonly string[] = ["created_by", "updated_by"]): PersonalTable => ({
  links,
  derived: ["search"],
  fate: "unlinked",
  label,
});

export const PERSONAL_DATA = {
  users: { links: ["id"], secrets: ["password_hash", "totp_key", "totp_last_step"], fate: "deleted", label: "Your account" },
  sessions: { links: ["user_id"], secrets: ["secret_hash"], fate: "deleted", label: "Sessions" },
  oauth_accounts: { links: ["user_id"], fate: "deleted", label: "Google or Microsoft sign-in identities" },
  recovery_codes: { links: ["user_id"], secrets: ["code_hash"], fate: "deleted", label: "Two-factor recovery codes" },
  email_tokens: { links: ["user_id"], secrets: ["token_hash"], fate: "deleted", label: "Email links (verification, password reset)" },
  policy_acceptances: { links: ["user_id"], fate: "deleted", label: "Acceptances of the Terms and Privacy Policy" },
  memberships: { links: ["user_id"], fate: "deleted", label: "Workspace memberships" },
  invitations: { links: ["invited_by"], secrets: ["token_hash"], fate: "unlinked", label: "Invitations you sent" },
  workspaces: { links: ["deleted_by"], fate: "unlinked", label: "Workspaces you deleted (restorable for 30 days)" },
  vision_versions: content("Vision versions you saved", ["created_by"]),
  personas: content("Personas you created or edited"),
  competitors: content("Competitors you created or edited"),
  initiatives: content("Initiatives you created, edited or own", ["created_by", "updated_by", "owner_id"]),
  roadmap_items: content("Roadmap items you created or edited"),
  roadmap_shares: { links: ["created_by"], secrets: ["token_hash"], fate: "unlinked", label: "Roadmap share links you made" },
  transcripts: content("Transcripts and notes you created or edited"),
  risks: content("Risks you created, edited or own", ["created_by", "updated_by", "owner_id"]),
  activity_events: { links: ["actor_id"], fate: "unlinked", label: "Activity log entries about your changes" },
  integration_connections: { links: ["connected_by"], fate: "unlinked", label: "Integrations you connected" },
  integration_jobs: { links: ["created_by"], fate: "unlinked", label: "Background jobs you started" },
} as const satisfies Record<string, PersonalTable>;

export type PersonalDataTable = keyof typeof PERSONAL_DATA;

export const PERSONAL_TABLES = Object.keys(PERSONAL_DATA) as PersonalDataTable[];

/**
 * Columns that look like a reference to a person but are not about one. Each says why; the
 * promise-7 test accepts a catalogue column only if it is in PERSONAL_DATA or here.
 */
const NOT_PERSONAL: ReadonlyArray<{ table: string; column: string; why: string }> = [];

/** The columns the export leaves out of a table's rows. */
export function omittedColumns(table: PersonalDataTable): readonly string[] {
  const entry: PersonalTable = PERSONAL_DATA[table];
  return [...(entry.secrets ?? []), ...(entry.derived ?? [])];
}

/**
 * The catalogue's person columns (catalogue.server.ts) that neither PERSONAL_DATA nor NOT_PERSONAL
 * accounts for: each is a table whose rows the export would miss and the deletion summary would not count.
 */
export function unaccountedColumns(columns: ReadonlyArray<{ table: string; column: string }>) {
  return columns.filter(({ table, column }) => {
    const entry: PersonalTable | undefined = (PERSONAL_DATA as Record<string, PersonalTable>)[table];
    return !entry?.links.includes(column) && !NOT_PERSONAL.some((n) => n.table === table && n.column === column);
  });
}
