import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler } from "@remix-run/node";
import { MultipartLimitError, parseBoundedMultipart } from "../../services/request-body.server";
import { IMPORT_LIMIT_BYTES } from "./csv-import.server";

export type ImportRequest =
  | { step: "preview" | "import"; csv: string; fileName: string; skipInvalid: boolean }
  | { step: "refused"; status: number; message: string };

const TOO_LARGE = "This file is larger than 1 MB, the import limit. Split it into smaller files and import each.";
// Room for the multipart boundaries and headers around the file itself.
const ENVELOPE_BYTES = 16 * 1024;
/** The most of an upload's body that is read (app/server/request-body.ts keeps every request under it). */
export const CSV_IMPORT_FORM_BYTES = IMPORT_LIMIT_BYTES + ENVELOPE_BYTES;
// The upload form has one field, the file; a few more leave room for what a browser may add.
const MAX_PARTS = 8;

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
  // Too large by its own account: refused unread (the server closes the connection after the answer).
  if (Number(request.headers.get("content-length")) > CSV_IMPORT_FORM_BYTES) return { step: "refused", status: 413, message: TOO_LARGE };
  let form: FormData;
  try {
    form = await parseBoundedMultipart(request, { maxBytes: CSV_IMPORT_FORM_BYTES, maxParts: MAX_PARTS }, unstable_createMemoryUploadHandler({ maxPartSize: IMPORT_LIMIT_BYTES }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError || (error instanceof MultipartLimitError && error.exceeded === "bytes")) return { step: "refused", status: 413, message: TOO_LARGE };
    if (error instanceof MultipartLimitError) return { step: "refused", status: 413, message: "This form has more fields than an import has." };
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
