import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "./support/fixtures";
import { insertUser, insertWorkspace, uniqueEmail } from "./support/seed";

// The server stops reading an upload at its limit and closes the connection after answering, so that
// no one can make it read 200 MB (app/server/request-body.ts). A browser still uploading when the answer
// comes must show that answer — the field error on the page — not a reset connection.

const MB = 1024 * 1024;
let dir: string;
test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "bearing-uploads-"));
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fileOf(name: string, bytes: number): string {
  const path = join(dir, name);
  writeFileSync(path, Buffer.alloc(bytes, "A"));
  return path;
}

test.describe("without JavaScript", () => {
  // With JavaScript the page itself refuses a file over 1 MB before sending it; without, the server has to.
  test.use({ javaScriptEnabled: false });

  test("a transcript file far above the limit gets its field error from the server, with the title kept", async ({ page, db, login }) => {
    const owner = await insertUser(db, { name: "Uma Loader", email: uniqueEmail("uploader") });
    const workspace = await insertWorkspace(db, owner.id, "Upload Limits");
    await login(owner);
    await page.goto(`/w/${workspace.slug}/transcripts/new`);
    await page.getByLabel("Title").fill("Offsite recording");
    await page.getByLabel("Upload a file").setInputFiles(fileOf("offsite.txt", 80 * MB));
    await page.getByRole("button", { name: "Create transcript" }).click();
    await expect(page.getByText("The file is more than 32 MB; the limit is 1 MB.")).toBeVisible();
    await expect(page.getByLabel("Title")).toHaveValue("Offsite recording");
  });
});

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled });

    test("a workspace export far above the import limit gets its field error", async ({ page, db, login }) => {
      const owner = await insertUser(db, { name: "Ivo Porter", email: uniqueEmail("importer") });
      await login(owner);
      await page.goto("/w/import");
      await page.getByLabel("Bearing export").setInputFiles(fileOf(`export-${javaScriptEnabled}.json`, 80 * MB));
      await page.getByRole("button", { name: "Import workspace" }).click();
      await expect(page.getByText("This file is larger than 20 MB, the import limit.")).toBeVisible();
    });
  });
}
