import { describe, expect, it } from "vitest";
import { readUpload, type UploadLimits } from "./request-body.server";

const LIMITS: UploadLimits = { maxBytes: 64 * 1024, maxParts: 6, fields: { title: 10 }, files: { file: 100 } };

function post(entries: Array<[string, string | File]>, headers: Record<string, string> = {}) {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  const request = new Request("http://bearing.test/upload", { method: "POST", body: form });
  return new Request(request, { headers: { ...Object.fromEntries(request.headers), ...headers } });
}

describe("readUpload", () => {
  it("keeps the fields and files it was told about, the first of repeated ones, and drops the rest", async () => {
    const upload = await readUpload(
      post([
        ["title", "Offsite"],
        ["title", "second"],
        ["other", "dropped"],
        ["file", new File(["hello"], "notes.txt", { type: "text/plain" })],
        ["elsewhere", new File(["x"], "x.txt")],
      ]),
      LIMITS,
    );
    expect(upload.fields).toEqual({ title: "Offsite" });
    expect(upload.files).toEqual({ file: { name: "notes.txt", type: "text/plain", size: 5, bytes: Buffer.from("hello") } });
    expect(upload.tooLong).toEqual({});
    expect(upload.stopped).toBeNull();
  });

  it("counts a file or field past its own limit without keeping it, and a file input left empty is no file", async () => {
    const upload = await readUpload(post([["title", "far too long a title"], ["file", new File(["A".repeat(500)], "big.txt")]]), LIMITS);
    expect(upload.tooLong).toEqual({ title: 20 });
    expect(upload.files.file).toMatchObject({ name: "big.txt", size: 500, bytes: null });
    const empty = await readUpload(post([["file", new File([], "")]]), LIMITS);
    expect(empty.files).toEqual({});
  });

  it("stops past the body's limit, naming the part it was reading and keeping what came before it", async () => {
    const upload = await readUpload(post([["title", "Kept"], ["file", new File(["A".repeat(200 * 1024)], "huge.txt")], ["late", "never read"]]), LIMITS);
    expect(upload.stopped).toEqual({ limit: "bytes", during: "file" });
    expect(upload.fields).toEqual({ title: "Kept" });
    expect(upload.files).toEqual({});
  });

  it("stops past the number of parts", async () => {
    const parts = Array.from({ length: 20 }, (_, index): [string, string] => [`x${index}`, "y"]);
    expect((await readUpload(post(parts), LIMITS)).stopped).toEqual({ limit: "parts" });
  });

  it("refuses a body announced larger than its limit without reading it, when told to", async () => {
    const request = post([["title", "Kept"]], { "content-length": String(LIMITS.maxBytes + 1) });
    const upload = await readUpload(request, { ...LIMITS, refuseAnnouncedLarger: true });
    expect(upload).toEqual({ fields: {}, tooLong: {}, files: {}, stopped: { limit: "bytes", during: null } });
    expect(request.bodyUsed).toBe(false);
  });
});
