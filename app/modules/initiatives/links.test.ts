import { describe, expect, it } from "vitest";
import { detectLink } from "./links";

describe("issue links are recognised from their address", () => {
  it.each([
    ["https://northwind.atlassian.net/browse/PAY-42", { provider: "jira", externalId: "PAY-42", url: "https://northwind.atlassian.net/browse/PAY-42" }],
    [
      "https://northwind.atlassian.net/jira/software/projects/PAY/boards/1?selectedIssue=PAY-7",
      { provider: "jira", externalId: "PAY-7", url: "https://northwind.atlassian.net/browse/PAY-7" },
    ],
    ["https://jira.example.org/browse/OPS-1", { provider: "jira", externalId: "OPS-1", url: "https://jira.example.org/browse/OPS-1" }],
    ["https://linear.app/northwind/issue/ENG-12/retry-payouts", { provider: "linear", externalId: "ENG-12" }],
    ["https://linear.app/northwind/project/payouts-v2-5f2c1a", { provider: "linear", externalId: "project/payouts-v2-5f2c1a" }],
    ["https://github.com/northwind/api/issues/311#issuecomment-1", { provider: "github", externalId: "northwind/api#311", url: "https://github.com/northwind/api/issues/311" }],
  ])("%s", (url, expected) => {
    expect(detectLink(url)).toMatchObject(expected);
  });

  it.each([
    ["not a url", "Paste the full address, starting with https://"],
    ["http://github.com/a/b/issues/1", "Use an https:// address."],
    ["javascript:alert(1)", "Use an https:// address."],
    ["https://github.com/a/b/pull/1", "Link a GitHub issue, like https://github.com/owner/repo/issues/42."],
    ["https://linear.app/northwind/settings", "Link a Linear issue or project, like https://linear.app/team/issue/ENG-42."],
    ["https://northwind.atlassian.net/wiki/spaces/X", "Link a Jira issue, like https://your-site.atlassian.net/browse/PAY-42."],
    ["https://example.com/ticket/1", "Paste a link to a Jira issue, a Linear issue or project, or a GitHub issue."],
  ])("refuses %s", (url, error) => {
    expect(detectLink(url)).toEqual({ error });
  });
});
