/**
 * Which tool an issue link points at, from its address alone (syncing comes later). Shared by the
 * form and the server so both accept the same addresses.
 */

export type LinkProvider = "jira" | "linear" | "github";

export const PROVIDER_NAMES: Record<LinkProvider, string> = { jira: "Jira", linear: "Linear", github: "GitHub" };

export type DetectedLink = { provider: LinkProvider; externalId: string; url: string } | { error: string };

const UNKNOWN = "Paste a link to a Jira issue, a Linear issue or project, or a GitHub issue.";
const JIRA_KEY = /^[A-Z][A-Z0-9_]+-\d+$/;

export function detectLink(address: string): DetectedLink {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    return { error: "Paste the full address, starting with https://" };
  }
  if (url.protocol !== "https:") return { error: "Use an https:// address." };
  const parts = url.pathname.split("/").filter(Boolean);
  const host = url.hostname.toLowerCase();

  if (host === "github.com" || host === "www.github.com") {
    // github.com/<owner>/<repo>/issues/<number>
    const [owner, repo, kind, number] = parts;
    if (owner && repo && kind === "issues" && number && /^\d+$/.test(number)) {
      return { provider: "github", externalId: `${owner}/${repo}#${number}`, url: `https://github.com/${owner}/${repo}/issues/${number}` };
    }
    return { error: "Link a GitHub issue, like https://github.com/owner/repo/issues/42." };
  }

  if (host === "linear.app") {
    // linear.app/<team>/issue/<KEY-1>/<slug> or linear.app/<team>/project/<slug-id>
    const [, kind, key] = parts;
    if (kind === "issue" && key && JIRA_KEY.test(key.toUpperCase())) return { provider: "linear", externalId: key.toUpperCase(), url: url.href };
    if (kind === "project" && key) return { provider: "linear", externalId: `project/${key}`, url: url.href };
    return { error: "Link a Linear issue or project, like https://linear.app/team/issue/ENG-42." };
  }

  // Jira Cloud (<site>.atlassian.net) and Jira Server/Data Center alike: /browse/<KEY-1>, or a
  // board or search view with ?selectedIssue=<KEY-1>.
  const browse = parts.indexOf("browse");
  const key = (browse >= 0 ? parts[browse + 1] : undefined) ?? url.searchParams.get("selectedIssue") ?? undefined;
  if (key && JIRA_KEY.test(key)) return { provider: "jira", externalId: key, url: `${url.origin}/browse/${key}` };
  if (host.endsWith(".atlassian.net")) return { error: "Link a Jira issue, like https://your-site.atlassian.net/browse/PAY-42." };
  return { error: UNKNOWN };
}
