import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler } from "@remix-run/node";
import { MultipartLimitError, parseBoundedMultipart } from "../../services/request-body.server";
import { MAX_IMPORT_BYTES } from "./export-format";

export type ImportUpload = { ok: true; text: string; name: string } | { ok: false; status: number; field: "file" | "name"; message: string; name: string };

const TOO_LARGE = "This file is larger than 20 MB, the import limit.";
// Room for the multipart boundaries, headers and the name field around the file itself.
const ENVELOPE_BYTES = 16 * 1024;
/** The most of an import form's body that is read (app/server/request-body.ts keeps every request under it). */
export const WORKSPACE_IMPORT_FORM_BYTES = MAX_IMPORT_BYTES + ENVELOPE_BYTES;
// The form has two fields, the file and the name; a few more leave room for what a browser may add.
const MAX_PARTS = 8;

/** The import form: a .json file of at most 20 MB and an optional name for the new workspace. */
export async function readImportUpload(request: Request): Promise<ImportUpload> {
  if (!(request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    return { ok: false, status: 400, field: "file", message: "Choose a Bearing export file (.json) to import.", name: "" };
  }
  // Too large by its own account: refused unread (the server closes the connection after the answer).
  if (Number(request.headers.get("content-length")) > WORKSPACE_IMPORT_FORM_BYTES) return { ok: false, status: 413, field: "file", message: TOO_LARGE, name: "" };
  let form: FormData;
  try {
    form = await parseBoundedMultipart(request, { maxBytes: WORKSPACE_IMPORT_FORM_BYTES, maxParts: MAX_PARTS }, unstable_createMemoryUploadHandler({ maxPartSize: MAX_IMPORT_BYTES }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError || (error instanceof MultipartLimitError && error.exceeded === "bytes")) {
      return { ok: false, status: 413, field: "file", message: TOO_LARGE, name: "" };
    }
    if (error instanceof MultipartLimitError) return { ok: false, status: 413, field: "file", message: "This form has more fields than an import has.", name: "" };
    throw error;
  }
  const name = String(form.get("name") ?? "").trim();
  if (name.length > 100) return { ok: false, status: 400, field: "name", message: "Use at most 100 characters.", name };
  const file = form.get("file");
  if (!(file instanceof Blob) || file.size === 0) return { ok: false, status: 400, field: "file", message: "Choose a Bearing export file (.json) to import.", name };
  return { ok: true, text: await file.text(), name };
}
