import { describe, expect, it } from "vitest";
import { createRedaction, findPersonalData, restorePlaceholders } from "./personal-data";

const valuesOf = (kind: string, texts: string[], names: string[] = []) =>
  findPersonalData(texts, names)
    .filter((finding) => finding.kind === kind)
    .map((finding) => finding.value);

describe("finding personal data before a prompt leaves the browser", () => {
  it("flags email addresses, counting each address once however it is capitalised", () => {
    const findings = findPersonalData([
      "Send the deck to ana.lima+roadmap@northwind.example.com and to Marco@Contoso.io.",
      "marco@contoso.io replied on Friday.",
    ]);

    expect(findings.filter((finding) => finding.kind === "email")).toEqual([
      { kind: "email", value: "Marco@Contoso.io", count: 2 },
      { kind: "email", value: "ana.lima+roadmap@northwind.example.com", count: 1 },
    ]);
  });

  it.each([
    ["+44 20 7946 0958", "a UK number in international form"],
    ["+1 (415) 555-0142", "a US number with the area code in brackets"],
    ["(415) 555-0142", "a US number without the country code"],
    ["+33 1 42 68 53 00", "a French number in pairs"],
    ["+81-3-1234-5678", "a Japanese number with dashes"],
    ["+4915112345678", "an international number written without separators"],
    ["020 7946 0958", "a UK number in national form"],
    ["415.555.0142", "a number with dots"],
  ])("flags %s (%s)", (phone) => {
    expect(valuesOf("phone", [`Call me on ${phone}.`])).toEqual([phone]);
  });

  it.each([
    ["The launch is on 2026-11-23.", "an ISO date"],
    ["Signed 23.11.2026, effective 01/12/2026.", "dates with dots and slashes"],
    ["We meet at 2026-11-23 14:00 in Lisbon.", "a date and a time"],
    ["Budget for 2025-2026 is set; revenue was 2025.", "a year range and a year"],
    ["The deal is worth $12 500 000 over three years.", "an amount in dollars with spaces"],
    ["Raised 1.250.000 € in the seed round.", "an amount in euros with dots"],
    ["ARR reached $4,500,000 and 10 000 000 users.", "amounts and counts in thousands"],
    ["Ticket ABC-1234-5678 and version 1.2.3.4 on host 192.168.10.20.", "ids, versions and an IP address"],
  ])("does not take numbers for phone numbers: %s (%s)", (text) => {
    expect(valuesOf("phone", [text])).toEqual([]);
  });

  it("flags attendees by full name and by first name alone, not counting the first name inside the full name", () => {
    const text = "Ana Lima opened. Marco asked Ana about the budget; Marco Bianchi agreed. Anatole was absent.";

    expect(findPersonalData([text], ["Ana Lima", "Marco Bianchi"]).filter((finding) => finding.kind === "name")).toEqual([
      { kind: "name", value: "Ana", count: 1 },
      { kind: "name", value: "Ana Lima", count: 1 },
      { kind: "name", value: "Marco", count: 1 },
      { kind: "name", value: "Marco Bianchi", count: 1 },
    ]);
  });

  it("ignores empty attendee names and does not match a name inside a longer word", () => {
    expect(valuesOf("name", ["Tomorrow Tom will call Atom Corp."], ["", " ", "Tom"])).toEqual(["Tom"]);
  });
});

describe("redacting and restoring", () => {
  const text = "Ana Lima (ana@northwind.io, +44 20 7946 0958) will ask Ana's team. Ana Lima owns it.";
  const findings = findPersonalData([text], ["Ana Lima"]);

  it("replaces each value with a placeholder, the same value always with the same one", () => {
    const redaction = createRedaction(findings);
    const redacted = redaction.apply(text);

    expect(redacted).toBe("[PERSON_1] ([EMAIL_1], [PHONE_1]) will ask [PERSON_2]'s team. [PERSON_1] owns it.");
    expect(redacted).not.toMatch(/Ana|northwind|7946/);
    expect(redaction.placeholders).toEqual(
      new Map([
        ["[EMAIL_1]", "ana@northwind.io"],
        ["[PHONE_1]", "+44 20 7946 0958"],
        ["[PERSON_1]", "Ana Lima"],
        ["[PERSON_2]", "Ana"],
      ]),
    );
    expect(createRedaction(findings).apply(text)).toBe(redacted);
  });

  it("redacts only the findings the user chose", () => {
    const onlyEmail = createRedaction(findings.filter((finding) => finding.kind === "email"));
    expect(onlyEmail.apply(text)).toBe("Ana Lima ([EMAIL_1], +44 20 7946 0958) will ask Ana's team. Ana Lima owns it.");
  });

  it("puts the original values back in the model's answer, in strings and in nested objects and lists", () => {
    const { placeholders } = createRedaction(findings);
    const answer = {
      summary: "[PERSON_1] will call [PHONE_1].",
      actionItems: [{ text: "Email [EMAIL_1] the deck", owner: "[PERSON_1]", quote: "[PERSON_2]'s team" }],
      likelihood: 3,
      done: false,
      note: null,
    };

    expect(restorePlaceholders(answer, placeholders)).toEqual({
      summary: "Ana Lima will call +44 20 7946 0958.",
      actionItems: [{ text: "Email ana@northwind.io the deck", owner: "Ana Lima", quote: "Ana's team" }],
      likelihood: 3,
      done: false,
      note: null,
    });
  });

  it("leaves a placeholder it never issued as the model wrote it", () => {
    const { placeholders } = createRedaction(findings);
    expect(restorePlaceholders("Ask [PERSON_9] and [EMAIL_1].", placeholders)).toBe("Ask [PERSON_9] and ana@northwind.io.");
  });
});
