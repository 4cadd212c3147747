import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { MAX_IMPORT_BYTES } from "./export-format";

export type ImportUpload = { ok: true; text: string; name: string } | { ok: false; status: number; field: "file" | "name"; message: string; name: string };

const TOO_LARGE = "This file is larger than 20 MB, the import limit.";
// Room for the multipart boundaries, headers and the name field around the file itself.
const ENVELOPE_BYTES = 16 * 1024;

/** Reads and discards (up to a point) what is left of a refused upload, so the browser reads our answer instead of a reset connection. */
async function drain(request: Request) {
  const reader = request.body?.getReader();
  if (!reader) return;
  for (let read = 0; read < 5 * MAX_IMPORT_BYTES; ) {
    const { done, value } = await reader.read();
    if (done) return;
    read += value.byteLength;
  }
  await reader.cancel();
}

/** The import form: a .json file of at most 20 MB and an optional name for the new workspace. */
export async function readImportUpload(request: Request): Promise<ImportUpload> {
  if (!(request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    return { ok: false, status: 400, field: "file", message: "Choose a Bearing export file (.json) to import.", name: "" };
  }
  if (Number(request.headers.get("content-length")) > MAX_IMPORT_BYTES + ENVELOPE_BYTES) {
    await drain(request);
    return { ok: false, status: 413, field: "file", message: TOO_LARGE, name: "" };
  }
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_IMPORT_BYTES }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { ok: false, status: 413, field: "file", message: TOO_LARGE, name: "" };
    throw error;
  }
  const name = String(form.get("name") ?? "").trim();
  if (name.length > 100) return { ok: false, status: 400, field: "name", message: "Use at most 100 characters.", name };
  const file = form.get("file");
  if (!(file instanceof Blob) || file.size === 0) return { ok: false, status: 400, field: "file", message: "Choose a Bearing export file (.json) to import.", name };
  return { ok: true, text: await file.text(), name };
}
