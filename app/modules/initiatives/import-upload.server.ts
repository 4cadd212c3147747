import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { IMPORT_LIMIT_BYTES } from "./csv-import.server";

export type ImportRequest =
  | { step: "preview" | "import"; csv: string; fileName: string; skipInvalid: boolean }
  | { step: "refused"; status: number; message: string };

const TOO_LARGE = "This file is larger than 1 MB, the import limit. Split it into smaller files and import each.";
// Room for the multipart boundaries and headers around the file itself.
const ENVELOPE_BYTES = 16 * 1024;

/** Reads and discards what is left of a refused upload, so the browser reads our answer instead of a reset connection. */
async function drain(request: Request) {
  const reader = request.body?.getReader();
  if (!reader) return;
  for (let read = 0; read < 20 * IMPORT_LIMIT_BYTES; ) {
    const { done, value } = await reader.read();
    if (done) return;
    read += value.byteLength;
  }
  await reader.cancel();
}

/**
 * The two posts of the import: the upload (multipart, a .csv file of at most 1 MB) and the
 * confirmation, which carries the same text back in a hidden field — no state kept on the server
 * between the two, and nothing that needs JavaScript.
 */
export async function readImportRequest(request: Request): Promise<ImportRequest> {
  if (!(request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    const form = await request.formData();
    const csv = String(form.get("csv") ?? "");
    if (new TextEncoder().encode(csv).byteLength > IMPORT_LIMIT_BYTES) return { step: "refused", status: 413, message: TOO_LARGE };
    const step = form.get("intent") === "import" ? "import" : "preview";
    return { step, csv, fileName: String(form.get("fileName") ?? "").slice(0, 200), skipInvalid: form.get("skipInvalid") === "yes" };
  }
  if (Number(request.headers.get("content-length")) > IMPORT_LIMIT_BYTES + ENVELOPE_BYTES) {
    await drain(request);
    return { step: "refused", status: 413, message: TOO_LARGE };
  }
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: IMPORT_LIMIT_BYTES }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { step: "refused", status: 413, message: TOO_LARGE };
    throw error;
  }
  const file = form.get("file");
  if (!(file instanceof Blob) || file.size === 0) return { step: "refused", status: 400, message: "Choose a .csv file to import." };
  const fileName = "name" in file && typeof file.name === "string" ? file.name : "upload.csv";
  // Browsers name the type from the extension; a file without one is taken at its declared type.
  const csvByName = /\.csv$/i.test(fileName) || (!/\.[a-z0-9]+$/i.test(fileName) && /csv/.test(file.type));
  if (!csvByName) {
    return { step: "refused", status: 400, message: `“${fileName}” is not a .csv file. Save the sheet as CSV (comma-separated values) and upload that.` };
  }
  return { step: "preview", csv: await file.text(), fileName, skipInvalid: false };
}
