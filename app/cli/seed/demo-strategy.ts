// The demo workspace's product thinking: Acme Checkout, a hosted checkout and payments SaaS for
// online shops. Plain data, read by app/cli/seed/demo-product.ts. People are named by seed role
// ("owner", "editor"); dates are offsets from the day the seed runs, so the demo never looks stale.

import type { CompetitorsTable, PersonasTable, VisionVersionsTable } from "../../../db/schema";

export type SeedPerson = "owner" | "editor";

export interface DemoVisionVersion extends Pick<VisionVersionsTable, "statement" | "mission" | "target_customers" | "principles" | "north_star_metric"> {
  daysAgo: number;
  by: SeedPerson;
}

export const VISION_VERSIONS: DemoVisionVersion[] = [
  {
    daysAgo: 75,
    by: "owner",
    statement: "The checkout small shops trust to never lose a sale.",
    mission: "Give independent online shops a checkout as fast and as safe as the big marketplaces', without a payments team.",
    target_customers: "Independent online shops with 1–50 staff selling physical goods in Europe.",
    principles: "- Speed is a feature: every 100 ms counts\n- Safe by default: fraud and compliance are our job, not the merchant's\n- One integration, every payment method",
    north_star_metric: "Checkout conversion rate across all merchants",
  },
  {
    daysAgo: 40,
    by: "editor",
    statement: "The checkout growing shops trust to never lose a sale.",
    mission: "Give growing online shops a checkout as fast and as safe as the big marketplaces', without a payments team.",
    target_customers: "Direct-to-consumer brands with 10–200 staff selling in Europe and the UK, and the developers and finance teams who run their stack.",
    principles:
      "- Speed is a feature: every 100 ms counts\n- Safe by default: fraud and compliance are our job, not the merchant's\n- One integration, every payment method\n- Money is never a mystery: every payout reconciles to the cent",
    north_star_metric: "Completed checkouts per started checkout (checkout conversion), weekly",
  },
  {
    daysAgo: 9,
    by: "owner",
    statement: "The checkout growing brands trust to never lose a sale — on any device, in any country.",
    mission: "Give growing online brands a checkout as fast and as safe as the big marketplaces', and books that close themselves, without a payments team.",
    target_customers:
      "Direct-to-consumer brands with 10–200 staff selling in Europe, the UK and North America; their developers, who integrate us once; their finance teams, who reconcile every payout.",
    principles:
      "- Speed is a feature: every 100 ms counts\n- Safe by default: fraud and compliance are our job, not the merchant's\n- One integration, every payment method\n- Money is never a mystery: every payout reconciles to the cent\n- Mobile first: most of our shoppers pay on a phone",
    north_star_metric: "Weekly checkout conversion (completed ÷ started checkouts), with mobile reported separately",
  },
];

export type DemoPersona = Pick<PersonasTable, "name" | "segment" | "goals" | "pains" | "jobs_to_be_done" | "quote">;

export const PERSONAS: DemoPersona[] = [
  {
    name: "Maya, the DTC founder",
    segment: "Founder of a direct-to-consumer brand, 20 staff, €4M yearly revenue",
    goals: "Grow revenue without growing the team; launch in new countries quickly; look as polished as the big brands.",
    pains: "Abandoned carts she cannot explain; a fraud chargeback wipes out a week's margin; every new payment method is a project.",
    jobs_to_be_done: "When I launch in a new country, I want local payment methods to just appear at checkout, so I can sell from day one.",
    quote: "I don't want to think about payments. I want them to work on Black Friday.",
  },
  {
    name: "Raj, the payments engineer",
    segment: "Lead developer at a mid-market retailer running a headless storefront",
    goals: "Integrate once and forget it; predictable webhooks; test everything locally before it reaches customers.",
    pains: "Breaking API changes; sandbox behaviour that differs from production; webhooks that arrive twice or not at all.",
    jobs_to_be_done: "When a payment fails in production, I want the exact reason and a replayable event, so I can fix it before support hears about it.",
    quote: "Give me idempotency keys and honest error codes and I'm happy.",
  },
  {
    name: "Sofia, the finance operations lead",
    segment: "Head of finance operations at a multi-brand e-commerce group",
    goals: "Close the books two days faster; one payout report for all brands and currencies; clean audit trails.",
    pains: "Reconciling payouts to orders by hand in spreadsheets; fees hidden in net amounts; refunds that cross month boundaries.",
    jobs_to_be_done: "At month end, I want every payout matched to its orders, fees and refunds, so I can close without a spreadsheet marathon.",
    quote: "I live in spreadsheets from the 28th to the 3rd.",
  },
  {
    name: "Tom, the returning shopper",
    segment: "Shopper who buys from independent brands on his phone, several times a month",
    goals: "Pay in two taps; trust the shop with his card; get refunds quickly.",
    pains: "Typing card numbers on a phone; surprise 3-D Secure pop-ups that fail; creating an account for every shop.",
    jobs_to_be_done: "When I find something I like on my phone, I want to pay without typing anything, so I don't lose the moment.",
    quote: "If I have to find my wallet, I'm not buying it.",
  },
];

export type DemoCompetitor = Pick<CompetitorsTable, "name" | "website" | "positioning" | "strengths" | "weaknesses" | "pricing_notes" | "threat_level">;

// Fictional companies: the demo makes no claims about real ones.
export const COMPETITORS: DemoCompetitor[] = [
  {
    name: "Paystream",
    website: "https://paystream.example",
    positioning: "Developer-first payments platform for every size of business, with checkout as one product among many.",
    strengths: "Excellent API and documentation; huge ecosystem of plugins; strong brand with developers.",
    weaknesses: "Generic checkout with little merchandising; support is slow for small merchants; reconciliation needs a data team.",
    pricing_notes: "1.5% + €0.25 for European cards, 2.9% for international; volume discounts above €1M a month.",
    threat_level: "high",
  },
  {
    name: "Cartwise",
    website: "https://cartwise.example",
    positioning: "One-click checkout network: shoppers save their details once and pay everywhere in the network.",
    strengths: "Very fast returning-shopper checkout; strong in North America; marketing budget.",
    weaknesses: "Network effect is weak in Europe; merchants cannot customise the flow; no finance tooling.",
    pricing_notes: "Transaction fee on top of the payment processor's: 0.8% per order.",
    threat_level: "medium",
  },
  {
    name: "Kassa One",
    website: "https://kassa-one.example",
    positioning: "All-in-one commerce suite for European SMBs: shop, checkout, point of sale and accounting.",
    strengths: "Bundled pricing; local payment methods across the EU; accounting exports merchants love.",
    weaknesses: "Tied to its own shop builder; slow checkout pages; dated mobile experience.",
    pricing_notes: "€49–€299 a month per plan, payments at 1.4% + €0.20.",
    threat_level: "medium",
  },
];
