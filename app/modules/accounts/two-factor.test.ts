import { decodeBase32IgnorePadding, encodeBase32NoPadding } from "@oslojs/encoding";
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { setUpTestApp } from "../../server/test-context";
import { fieldErrors, logIn, signedInUser, visibleText } from "../../server/testing";
import { reencryptTotpKeys } from "../../services/two-factor/setup.server";
import { decryptTotpKey, encryptTotpKey, generateTotpKey } from "../../services/two-factor/totp-key.server";
import { codeAt, manualKeyIn, passwordStep, recoveryCodesIn, userWithTwoFactor, wrongCode } from "../../services/two-factor/testing";

const env = setUpTestApp();
const security = "/settings/security";

const userRow = (email: string) => env.db.selectFrom("users").selectAll().where("email", "=", email).executeTakeFirstOrThrow();

describe("Settings → Security: turning two-factor authentication on", () => {
  it("shows a QR code and the key, and turns on only with a code from that key", async () => {
    const user = { name: "Hedy Lamarr", email: "hedy@example.com", password: "frequency hopping 1942 torpedo" };
    const browser = await signedInUser(env.app, user);
    expect(visibleText(await (await browser.request(security)).text())).toContain("Set up two-factor authentication");

    const start = await browser.postForm(security, { intent: "two-factor-start" });
    const html = await start.text();
    const qr = html.match(/<img src="data:image\/svg\+xml;base64,([^"]+)"/)?.[1];
    expect(Buffer.from(qr!, "base64").toString("utf8")).toMatch(/^<svg/);
    const manualKey = manualKeyIn(html)!;
    expect(manualKey).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
    const key = decodeBase32IgnorePadding(manualKey.replace(/ /g, ""));

    const malformed = await browser.postForm(security, { intent: "two-factor-confirm", code: "12345" });
    expect(malformed.status).toBe(400);
    expect(fieldErrors(await malformed.text(), "code")).toEqual(["Enter the 6-digit code from your authenticator app."]);
    const wrong = await browser.postForm(security, { intent: "two-factor-confirm", code: wrongCode(key) });
    expect(wrong.status).toBe(400);
    const wrongHtml = await wrong.text();
    expect(fieldErrors(wrongHtml, "code")).toEqual(["That code is not valid. Check the code in your authenticator app and try again."]);
    // The same key is shown again, to try the next code.
    expect(manualKeyIn(wrongHtml)).toBe(manualKey);
    // Until a code confirms the key, sign-in does not ask for one.
    expect((await logIn(env.app.newBrowser(), user)).headers.get("location")).toBe("/");
    expect((await userRow(user.email)).totp_enabled_at).toBeNull();
  });

  it("shows the ten recovery codes once, with a download, and keeps only their hashes", async () => {
    const user = await userWithTwoFactor(env.app, "Radia Perlman");
    expect(new Set(user.recoveryCodes).size).toBe(10);
    for (const code of user.recoveryCodes) expect(code).toMatch(/^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}$/);

    const page = await (await user.browser.request(security)).text();
    expect(visibleText(page)).toMatch(/Two-factor authentication is on since \d{4}-\d{2}-\d{2}\. 10 of 10 recovery codes left\./);
    expect(recoveryCodesIn(page)).toEqual([]);
    for (const code of user.recoveryCodes) expect(page).not.toContain(code);

    const { id } = await userRow(user.email);
    const { rows } = await sql<{ row: string }>`select r::text as row from recovery_codes r where user_id = ${id}`.execute(env.db);
    expect(rows).toHaveLength(10);
    const table = rows.map((r) => r.row).join("\n");
    for (const code of user.recoveryCodes) {
      expect(table).not.toContain(code);
      expect(table).not.toContain(Buffer.from(code.replace(/-/g, "")).toString("hex"));
    }
  });

  it("keeps the key encrypted: the users row holds neither the base32 key nor its bytes", async () => {
    const user = await userWithTwoFactor(env.app, "Frances Allen");
    const { id, totp_key } = await userRow(user.email);
    const { rows } = await sql<{ row: string }>`select u::text as row from users u where id = ${id}`.execute(env.db);
    const stored = rows[0]!.row.toLowerCase();
    expect(stored).not.toContain(encodeBase32NoPadding(user.key).toLowerCase());
    expect(stored).not.toContain(Buffer.from(user.key).toString("hex"));
    expect(Buffer.from(totp_key!).includes(Buffer.from(user.key))).toBe(false);
    expect(totp_key!.length).toBe(12 + user.key.length + 16);
  });

  it("binds an encrypted key to its account: copied onto another account it does not decrypt", () => {
    const masterKey = env.app.config.encryptionMasterKey;
    const key = generateTotpKey();
    const stored = encryptTotpKey(masterKey, "3f1c1e2a-0000-4000-8000-000000000001", key);
    expect(decryptTotpKey(masterKey, "3f1c1e2a-0000-4000-8000-000000000001", stored)).toEqual(key);
    expect(() => decryptTotpKey(masterKey, "3f1c1e2a-0000-4000-8000-000000000002", stored)).toThrow("could not be read");
  });
});

describe("two-factor keys across a master key rotation", () => {
  it("re-encrypts keys under the new master key, reads them meanwhile with the old one, and leaves current ones alone", async () => {
    const oldMaster = new Uint8Array(randomBytes(32));
    const newMaster = new Uint8Array(randomBytes(32));
    const { email, key } = await userWithTwoFactor(env.app, "Whitfield Diffie");
    const user = await userRow(email);
    await env.db.updateTable("users").set({ totp_key: encryptTotpKey(oldMaster, user.id, key) }).where("id", "=", user.id).execute();

    expect(decryptTotpKey([newMaster, oldMaster], user.id, (await userRow(email)).totp_key!)).toEqual(key);
    expect(await reencryptTotpKeys(env.db, newMaster, [oldMaster])).toMatchObject({ reencrypted: 1 });
    const rotated = (await userRow(email)).totp_key!;
    expect(decryptTotpKey(newMaster, user.id, rotated)).toEqual(key);
    expect(() => decryptTotpKey(oldMaster, user.id, rotated)).toThrow("could not be read");
    expect(await reencryptTotpKeys(env.db, newMaster, [oldMaster])).toMatchObject({ reencrypted: 0 });

    await env.db.updateTable("users").set({ totp_key: encryptTotpKey(env.app.config.encryptionMasterKey, user.id, key) }).where("id", "=", user.id).execute();
  });
});

describe("Settings → Security: managing two-factor authentication", () => {
  it("turning two-factor off needs a current code or a recovery code", async () => {
    const user = await userWithTwoFactor(env.app, "Barbara Liskov");
    const noCode = await user.browser.postForm(security, { intent: "two-factor-disable" });
    expect(noCode.status).toBe(400);
    expect(fieldErrors(await noCode.text(), "code")).toEqual(["Enter a code from your authenticator app, or one of your recovery codes."]);
    const wrong = await user.browser.postForm(security, { intent: "two-factor-disable", code: wrongCode(user.key) });
    expect(wrong.status).toBe(400);
    expect(fieldErrors(await wrong.text(), "code")).toEqual(["That code is not valid. Check the code in your authenticator app and try again."]);
    expect((await userRow(user.email)).totp_enabled_at).not.toBeNull();

    const off = await user.browser.postForm(security, { intent: "two-factor-disable", code: codeAt(user.key, user.confirmedStep + 1) });
    expect(off.status).toBe(200);
    expect(visibleText(await off.text())).toContain("Two-factor authentication is off.");
    const row = await userRow(user.email);
    expect([row.totp_key, row.totp_enabled_at]).toEqual([null, null]);
    expect(await env.db.selectFrom("recovery_codes").select("user_id").where("user_id", "=", row.id).execute()).toEqual([]);
    expect((await logIn(env.app.newBrowser(), user)).headers.get("location")).toBe("/");
  });

  it("new recovery codes need a code, and replace the old ones", async () => {
    const user = await userWithTwoFactor(env.app, "Adele Goldberg");
    const noCode = await user.browser.postForm(security, { intent: "two-factor-regenerate", code: "" });
    expect(noCode.status).toBe(400);
    expect(recoveryCodesIn(await noCode.text())).toEqual([]);

    const fresh = await user.browser.postForm(security, { intent: "two-factor-regenerate", code: user.recoveryCodes[0]! });
    expect(fresh.status).toBe(200);
    const html = await fresh.text();
    const codes = recoveryCodesIn(html);
    expect(codes).toHaveLength(10);
    expect(codes.filter((code) => user.recoveryCodes.includes(code))).toEqual([]);
    expect(html).toContain('download="bearing-recovery-codes.txt"');
    expect(decodeURIComponent(html.match(/href="data:text\/plain;charset=utf-8,([^"]+)"/)![1]!)).toContain(codes.join("\n"));

    const browser = await passwordStep(env.app, user);
    const old = await browser.postForm("/login/two-factor", { method: "recovery", recoveryCode: user.recoveryCodes[1]!, redirectTo: "/" });
    expect(old.status).toBe(400);
    const now = await browser.postForm("/login/two-factor", { method: "recovery", recoveryCode: codes[0]!, redirectTo: "/" });
    expect(now.status).toBe(302);
  });
});
