// The demo workspace's plans: initiatives scored with RICE and the roadmap built from them.
// Quarters are offsets from the current quarter (0 = this quarter); see demo-strategy.ts.
import type { InitiativeStatus, Lane } from "../../../db/schema";
import type { SeedPerson } from "./demo-strategy";

export interface DemoInitiative {
  title: string;
  problem: string;
  description: string;
  status: InitiativeStatus;
  owner: SeedPerson | null;
  tags: string[];
  quarter: number | null;
  /** RICE: reach per quarter, impact 0.25–3, confidence %, effort in person-months. */
  rice: [reach: number, impact: number, confidence: number, effort: number] | null;
  personas: string[];
  links?: Array<{ provider: "jira" | "linear" | "github"; external_id: string; url: string; title: string; status: string }>;
}

const MAYA = "Maya, the DTC founder";
const RAJ = "Raj, the payments engineer";
const SOFIA = "Sofia, the finance operations lead";
const TOM = "Tom, the returning shopper";

export const INITIATIVES: DemoInitiative[] = [
  {
    title: "One-tap checkout for returning shoppers",
    problem: "Returning shoppers retype card and address details on their phones; 38% of mobile checkouts are abandoned at the payment step.",
    description:
      "## Outcome\nA returning shopper pays with **one tap** on any Acme-powered shop.\n\n## Scope\n- Passkey-secured saved details, opt-in at first purchase\n- Works across merchants, never shares data without consent\n\n## Out of scope\nLoyalty points, subscriptions.",
    status: "in_progress",
    owner: "owner",
    tags: ["conversion", "mobile"],
    quarter: 0,
    rice: [120000, 2, 80, 6],
    personas: [TOM, MAYA],
    links: [{ provider: "jira", external_id: "CHK-412", url: "https://acme.atlassian.net/browse/CHK-412", title: "One-tap checkout (epic)", status: "In Progress" }],
  },
  {
    title: "Apple Pay and Google Pay on every checkout",
    problem: "Wallets are the fastest way to pay on mobile, but merchants must enable them one by one and most never do.",
    description: "Turn wallets on by default for every merchant, with domain verification handled by us.",
    status: "shipped",
    owner: "editor",
    tags: ["mobile", "payment-methods"],
    quarter: -1,
    rice: [90000, 2, 100, 2],
    personas: [TOM, MAYA],
    links: [{ provider: "github", external_id: "acme/checkout#1873", url: "https://github.com/acme/checkout/issues/1873", title: "Enable wallets by default", status: "closed" }],
  },
  {
    title: "Automatic payout reconciliation",
    problem: "Finance teams match payouts to orders, fees and refunds by hand every month end.",
    description: "Match every payout line to its orders, fees, refunds and chargebacks, and export it to the accounting tools finance teams use.",
    status: "planned",
    owner: "owner",
    tags: ["finance", "reporting"],
    quarter: 1,
    rice: [4000, 3, 80, 5],
    personas: [SOFIA],
    links: [{ provider: "linear", external_id: "FIN-88", url: "https://linear.app/acme/issue/FIN-88", title: "Payout reconciliation", status: "Todo" }],
  },
  {
    title: "Smart 3-D Secure exemptions",
    problem: "Every card payment triggers a 3-D Secure challenge, even low-risk ones where the regulation allows an exemption; each challenge costs ~8% conversion.",
    description: "Request low-value and transaction-risk-analysis exemptions when our fraud score allows it; fall back to a challenge when the issuer refuses.",
    status: "in_progress",
    owner: "editor",
    tags: ["conversion", "fraud", "compliance"],
    quarter: 0,
    rice: [150000, 1, 80, 4],
    personas: [TOM, MAYA],
  },
  {
    title: "Local payment methods for the Nordics and Poland",
    problem: "Merchants expanding to Sweden, Denmark and Poland lose sales because local wallets and bank payments are missing.",
    description: "Add Swish, MobilePay, BLIK and Przelewy24 behind the same integration.",
    status: "discovery",
    owner: "editor",
    tags: ["payment-methods", "expansion"],
    quarter: 1,
    rice: [25000, 2, 50, 4],
    personas: [MAYA],
  },
  {
    title: "Webhook replay and event log",
    problem: "When a webhook fails, developers cannot see what we sent or send it again; support tickets follow.",
    description: "A searchable event log in the dashboard with one-click replay, and signed, idempotent deliveries.",
    status: "planned",
    owner: "editor",
    tags: ["developer-experience"],
    quarter: 1,
    rice: [6000, 1, 100, 2],
    personas: [RAJ],
  },
  {
    title: "Checkout page speed: under one second on 4G",
    problem: "Our checkout takes 2.4 s to become interactive on a mid-range phone over 4G; every extra 100 ms costs about 1% of conversions.",
    description: "Split the bundle, inline critical CSS, preconnect to the payment API and drop the legacy polyfills.",
    status: "in_progress",
    owner: "owner",
    tags: ["performance", "mobile", "conversion"],
    quarter: 0,
    rice: [200000, 1, 80, 3],
    personas: [TOM],
  },
  {
    title: "Fraud rules editor for merchants",
    problem: "Merchants with unusual products need their own fraud rules; today they email support to change them.",
    description: "Let merchants write simple allow and block rules (country, amount, velocity) and test them against last month's orders.",
    status: "idea",
    owner: null,
    tags: ["fraud"],
    quarter: 2,
    rice: [3000, 1, 50, 4],
    personas: [MAYA, RAJ],
  },
  {
    title: "Multi-currency pricing at checkout",
    problem: "Shoppers abroad see prices in the merchant's currency and abandon when their bank adds a conversion fee.",
    description: "Show prices in the shopper's currency with a locked rate, settled to the merchant in theirs.",
    status: "discovery",
    owner: "owner",
    tags: ["expansion", "conversion"],
    quarter: 2,
    rice: [40000, 1, 50, 5],
    personas: [MAYA, TOM],
  },
  {
    title: "Chargeback evidence packs",
    problem: "Merchants lose disputes they should win because assembling evidence takes hours.",
    description: "Assemble delivery proof, IP and device data and customer emails into a submission-ready pack automatically.",
    status: "planned",
    owner: "editor",
    tags: ["fraud", "finance"],
    quarter: 1,
    rice: [2500, 2, 80, 3],
    personas: [MAYA, SOFIA],
  },
  {
    title: "Sandbox that matches production",
    problem: "Test mode behaves differently from live payments (declines, 3-D Secure, webhooks), so bugs reach real customers.",
    description: "Deterministic test cards for every decline code and 3-D Secure path, with webhooks timed like production.",
    status: "idea",
    owner: null,
    tags: ["developer-experience"],
    quarter: null,
    rice: [6000, 0.5, 80, 2],
    personas: [RAJ],
  },
  {
    title: "Buy now, pay later",
    problem: "Shoppers buying above €150 ask for instalments; merchants bolt on separate providers with separate checkouts.",
    description: "Offer instalments from one partner inside the same checkout, with the merchant paid in full upfront.",
    status: "parked",
    owner: "owner",
    tags: ["payment-methods", "conversion"],
    quarter: null,
    rice: [30000, 2, 50, 8],
    personas: [TOM, MAYA],
  },
  {
    title: "Accessible checkout (WCAG 2.2 AA)",
    problem: "Our checkout fails WCAG 2.2 AA in five places, and the European Accessibility Act applies to merchants from June 2025.",
    description: "Fix focus order, labels and contrast; announce errors; test with screen readers on iOS and Android.",
    status: "shipped",
    owner: "editor",
    tags: ["compliance", "mobile"],
    quarter: -1,
    rice: [200000, 0.5, 100, 2],
    personas: [TOM],
  },
  {
    title: "Finance exports for Xero and DATEV",
    problem: "Sofia's team re-keys our payout reports into their accounting tools.",
    description: "Scheduled exports in Xero's and DATEV's import formats, per brand and currency.",
    status: "idea",
    owner: null,
    tags: ["finance", "reporting"],
    quarter: 2,
    rice: [3500, 1, 80, 2],
    personas: [SOFIA],
  },
  {
    title: "Abandoned checkout recovery emails",
    problem: "Half of abandoned checkouts had an email address entered; we never follow up.",
    description: "Opt-in recovery emails with a link back to a pre-filled checkout, sent by the merchant's own domain.",
    status: "discovery",
    owner: "owner",
    tags: ["conversion"],
    quarter: 1,
    rice: [60000, 0.5, 80, 2],
    personas: [MAYA],
  },
];

export interface DemoRoadmapItem {
  title: string;
  description: string;
  lane: Lane;
  initiative: string | null;
  start: number | null;
  end: number | null;
}

// In lane order: the seed gives them positions in this order.
export const ROADMAP: DemoRoadmapItem[] = [
  { title: "One-tap checkout beta with 20 merchants", description: "Invite-only beta; success = +5% mobile conversion.", lane: "now", initiative: "One-tap checkout for returning shoppers", start: 0, end: 0 },
  { title: "Checkout under one second on 4G", description: "Bundle split and preconnect; measured with field data.", lane: "now", initiative: "Checkout page speed: under one second on 4G", start: 0, end: 0 },
  { title: "3-D Secure exemptions for low-risk cards", description: "Start with low-value exemptions, then TRA.", lane: "now", initiative: "Smart 3-D Secure exemptions", start: 0, end: 1 },
  { title: "Payout reconciliation MVP", description: "Match payouts to orders and fees; CSV export first.", lane: "next", initiative: "Automatic payout reconciliation", start: 1, end: 1 },
  { title: "Webhook event log and replay", description: "", lane: "next", initiative: "Webhook replay and event log", start: 1, end: 1 },
  { title: "Chargeback evidence packs", description: "Automatic packs for the two largest card networks.", lane: "next", initiative: "Chargeback evidence packs", start: 1, end: 2 },
  { title: "Abandoned checkout recovery", description: "Pilot with merchants who already email their customers.", lane: "next", initiative: "Abandoned checkout recovery emails", start: 1, end: 1 },
  { title: "Nordic and Polish payment methods", description: "Swish and BLIK first.", lane: "later", initiative: "Local payment methods for the Nordics and Poland", start: 2, end: 2 },
  { title: "Multi-currency pricing", description: "", lane: "later", initiative: "Multi-currency pricing at checkout", start: 2, end: 3 },
  { title: "Merchant fraud rules", description: "Depends on the new risk engine.", lane: "later", initiative: "Fraud rules editor for merchants", start: 3, end: 3 },
];
