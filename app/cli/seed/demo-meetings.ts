// The demo workspace's meetings and the risks the team keeps. Days are offsets from today
// (negative = past); see demo-strategy.ts.
import type { ActionItem, RiskStatus, TranscriptSegment } from "../../../db/schema";
import type { SeedPerson } from "./demo-strategy";

export interface DemoTranscript {
  title: string;
  daysAgo: number;
  attendees: string[];
  format: "vtt" | "markdown";
  /** For VTT, the segments the content is written from. */
  segments?: TranscriptSegment[];
  content?: string;
  summary: string;
  decisions: string[];
  action_items: ActionItem[];
}

const line = (start: number, speaker: string, text: string, seconds = 9): TranscriptSegment => ({ start, end: start + seconds, speaker, text });

export const WEEKLY_REVIEW = "Weekly checkout review: one-tap beta go/no-go";

export const TRANSCRIPTS: DemoTranscript[] = [
  {
    title: WEEKLY_REVIEW,
    daysAgo: 2,
    attendees: ["Dana Demo", "Eli Editor", "Priya Shah", "Marco Bianchi"],
    format: "vtt",
    segments: [
      line(0, "Dana Demo", "Okay, let's start. The one question today: do we open the one-tap beta to twenty merchants next week?"),
      line(9, "Marco Bianchi", "Engineering is ready on the web. Passkeys work on iOS and recent Android, but about nine percent of Android sessions are on devices without passkey support.", 12),
      line(21, "Priya Shah", "For those we fall back to the saved-card flow with a one-time code. It's slower, but nobody gets stuck."),
      line(30, "Eli Editor", "Conversion so far in the internal pilot is up 6.8 percent on mobile. Small sample, about four thousand checkouts.", 11),
      line(41, "Dana Demo", "That's above the five percent bar we set. What worries me is issuers declining more when we skip 3-D Secure."),
      line(50, "Eli Editor", "We saw a slight rise in declines from two issuers. I'll ask the acquirer whether those issuers refuse exemptions outright.", 10),
      line(60, "Marco Bianchi", "And Black Friday is in four days. I don't want a new flow live for everyone during peak traffic."),
      line(69, "Dana Demo", "Agreed. Decision: beta goes to the twenty merchants, but only after Black Friday, on the second of December."),
      line(78, "Priya Shah", "Then I'll finish the fallback copy and run five more usability sessions this week.", 8),
      line(86, "Dana Demo", "Marco, can you put a kill switch per merchant in place before the beta?"),
      line(95, "Marco Bianchi", "Yes, per merchant and global. I'll have it by Friday.", 7),
      line(102, "Eli Editor", "I'll draft the beta invitation and the success metrics page for the merchants.", 8),
      line(110, "Dana Demo", "Great. Last thing: we log the Android passkey gap as a risk and review it in two weeks. Thanks, everyone."),
    ],
    summary:
      "The team reviewed the one-tap checkout pilot (+6.8% mobile conversion on ~4,000 checkouts, above the 5% bar) and agreed to open the beta to twenty merchants after Black Friday. Concerns: Android devices without passkeys (~9% of sessions, covered by a one-time-code fallback) and a slight rise in issuer declines on 3-D Secure exemptions.",
    decisions: [
      "Open the one-tap beta to twenty merchants on 2 December, after Black Friday.",
      "No new checkout flow goes live for all merchants during Black Friday week.",
      "Devices without passkeys use the saved-card flow with a one-time code.",
    ],
    action_items: [
      { text: "Add a per-merchant and a global kill switch for one-tap checkout", owner: "Marco Bianchi", quote: "Yes, per merchant and global. I'll have it by Friday." },
      { text: "Ask the acquirer whether the two issuers refuse 3-D Secure exemptions", owner: "Eli Editor", quote: "I'll ask the acquirer whether those issuers refuse exemptions outright." },
      { text: "Finish the fallback copy and run five more usability sessions", owner: "Priya Shah", quote: "I'll finish the fallback copy and run five more usability sessions this week." },
      { text: "Draft the beta invitation and the success metrics page", owner: "Eli Editor", quote: "I'll draft the beta invitation and the success metrics page for the merchants." },
    ],
  },
  {
    title: "Customer interview: finance team at Northwind Goods",
    daysAgo: 12,
    attendees: ["Dana Demo", "Helena Berg (Northwind Goods)"],
    format: "markdown",
    content: `# Customer interview — Northwind Goods, finance

**Dana:** How do you reconcile our payouts today?

**Helena:** Badly. We export your payout CSV, export orders from the shop, and match them in a spreadsheet. Fees are netted out, so we back them out by hand. Month end takes me three days.

**Dana:** What breaks most often?

**Helena:** Refunds that happen in a different month from the order, and chargebacks. They show up as negative lines with no order number.

**Dana:** If we matched every payout line to its orders and fees for you, what would you do with it?

**Helena:** Import it straight into DATEV. Honestly, that alone would make me recommend you to our other brands.

**Dana:** Would you pay more for it?

**Helena:** Not separately. But it would stop us from looking at Kassa One, whose accounting exports are the one thing they do well.
`,
    summary:
      "Northwind Goods' finance lead spends three days each month end reconciling payouts by hand; refunds across months and chargebacks without order numbers are the worst. Automatic reconciliation with a DATEV export would keep them from switching to Kassa One.",
    decisions: ["Payout reconciliation moves ahead of the fraud rules editor in Next."],
    action_items: [
      { text: "Share the reconciliation mock-ups with Helena for feedback", owner: "Dana Demo", quote: "If we matched every payout line to its orders and fees for you, what would you do with it?" },
      { text: "Add order numbers to refund and chargeback payout lines", owner: null, quote: "They show up as negative lines with no order number." },
    ],
  },
];

export interface DemoRisk {
  title: string;
  description: string;
  category: string;
  likelihood: number;
  impact: number;
  status: RiskStatus;
  owner: SeedPerson | null;
  mitigation: string;
  dueInDays: number | null;
  initiative: string | null;
  /** The transcript it was drawn from (source "transcript"). */
  transcript?: string;
}

export const RISKS: DemoRisk[] = [
  { title: "Fraud ring targets newly enabled wallets", description: "Wallets were switched on for every merchant; card-testing attacks move to the weakest new entry point.", category: "Fraud", likelihood: 4, impact: 5, status: "open", owner: "editor", mitigation: "Velocity limits per device and wallet token; alerting on declines per merchant.", dueInDays: 7, initiative: "Apple Pay and Google Pay on every checkout" },
  { title: "Black Friday traffic exceeds checkout capacity", description: "Peak load last year was 3× a normal Friday; this year's merchants are twice as many.", category: "Operations", likelihood: 3, impact: 5, status: "open", owner: "owner", mitigation: "Load test at 8× normal traffic; freeze deploys from Wednesday; on-call rota with payments partners.", dueInDays: 3, initiative: null },
  { title: "Issuers decline more when 3-D Secure exemptions are requested", description: "Two issuers showed a rise in soft declines during the pilot.", category: "Payments", likelihood: 3, impact: 4, status: "open", owner: "editor", mitigation: "Retry with a challenge on a soft decline; per-issuer exemption allow list.", dueInDays: 14, initiative: "Smart 3-D Secure exemptions", transcript: WEEKLY_REVIEW },
  { title: "Android devices without passkeys fall back to a slower flow", description: "About 9% of Android sessions cannot use passkeys; their one-tap experience is a one-time code.", category: "Technical", likelihood: 4, impact: 3, status: "open", owner: "editor", mitigation: "Saved-card fallback with a one-time code; review adoption in two weeks.", dueInDays: 14, initiative: "One-tap checkout for returning shoppers", transcript: WEEKLY_REVIEW },
  { title: "Paystream launches a free one-click checkout", description: "Rumours from two merchants that Paystream will bundle one-click checkout at no extra fee.", category: "Market", likelihood: 3, impact: 4, status: "open", owner: "owner", mitigation: "Lead on reconciliation and local methods, where Paystream is weak; lock in beta merchants with annual terms.", dueInDays: null, initiative: null },
  { title: "PCI DSS 4.0 script-integrity requirements not met by the deadline", description: "Requirement 6.4.3 needs an inventory and integrity check of every script on payment pages.", category: "Compliance", likelihood: 2, impact: 5, status: "mitigating", owner: "owner", mitigation: "Subresource integrity on our scripts; CSP reporting for merchant-added scripts.", dueInDays: 45, initiative: null },
  { title: "Reconciliation mismatches erode finance teams' trust", description: "If the first version mismatches even a few lines, finance teams go back to spreadsheets.", category: "Product", likelihood: 3, impact: 3, status: "open", owner: "owner", mitigation: "Pilot with three finance teams; show unmatched lines explicitly instead of guessing.", dueInDays: 60, initiative: "Automatic payout reconciliation" },
  { title: "Beta merchants see conversion drop with the new flow", description: "A new flow can confuse loyal shoppers before it helps them.", category: "Product", likelihood: 2, impact: 4, status: "open", owner: "owner", mitigation: "Per-merchant kill switch; A/B split during the first two weeks.", dueInDays: 10, initiative: "One-tap checkout for returning shoppers", transcript: WEEKLY_REVIEW },
  { title: "Webhook deliveries delayed during provider outages", description: "Our queue backs up when a merchant's endpoint is slow, delaying everyone's webhooks.", category: "Technical", likelihood: 4, impact: 2, status: "mitigating", owner: "editor", mitigation: "Per-merchant queues with back-off; event log with replay.", dueInDays: 30, initiative: "Webhook replay and event log" },
  { title: "Key payments engineer leaves during the beta", description: "One person knows the 3-D Secure integration end to end.", category: "Delivery", likelihood: 2, impact: 3, status: "accepted", owner: "owner", mitigation: "Pair on every 3-D Secure change; write the runbook.", dueInDays: null, initiative: null },
  { title: "Currency exposure on multi-currency pricing", description: "Rates locked at checkout can move before settlement.", category: "Financial", likelihood: 2, impact: 2, status: "open", owner: null, mitigation: "Lock rates for 15 minutes only; hedge above a weekly threshold.", dueInDays: null, initiative: "Multi-currency pricing at checkout" },
  { title: "Accessibility regression after the redesign", description: "The checkout redesign could break focus order again.", category: "Compliance", likelihood: 1, impact: 3, status: "closed", owner: "editor", mitigation: "Automated axe checks in CI and a screen-reader pass before each release.", dueInDays: null, initiative: "Accessible checkout (WCAG 2.2 AA)" },
];
