import { isMultipart, readUpload } from "../../services/request-body.server";
import { MAX_IMPORT_BYTES } from "./export-format";

export type ImportUpload = { ok: true; text: string; name: string } | { ok: false; status: number; field: "file" | "name"; message: string; name: string };

const TOO_LARGE = "This file is larger than 20 MB, the import limit.";
const CHOOSE_A_FILE = "Choose a Bearing export file (.json) to import.";
// Room for the multipart boundaries, headers and the name field around the file itself.
const ENVELOPE_BYTES = 16 * 1024;
/** The most of an import form's body that is read (app/server/request-body.ts keeps every request under it). */
export const WORKSPACE_IMPORT_FORM_BYTES = MAX_IMPORT_BYTES + ENVELOPE_BYTES;
// The form has two fields, the file and the name; a few more leave room for what a browser may add.
const MAX_PARTS = 8;
const MAX_NAME_LENGTH = 100;

/** The import form: a .json file of at most 20 MB and an optional name for the new workspace. */
export async function readImportUpload(request: Request): Promise<ImportUpload> {
  if (!isMultipart(request)) return { ok: false, status: 400, field: "file", message: CHOOSE_A_FILE, name: "" };
  const upload = await readUpload(request, {
    maxBytes: WORKSPACE_IMPORT_FORM_BYTES,
    maxParts: MAX_PARTS,
    // Four bytes a character at most: a longer name is refused below, under its field.
    fields: { name: 4 * MAX_NAME_LENGTH },
    files: { file: MAX_IMPORT_BYTES },
    refuseAnnouncedLarger: true,
  });
  if (upload.stopped?.limit === "parts") return { ok: false, status: 413, field: "file", message: "This form has more fields than an import has.", name: "" };
  const file = upload.files.file;
  if (upload.stopped || (file && !file.bytes)) return { ok: false, status: 413, field: "file", message: TOO_LARGE, name: "" };
  const name = (upload.fields.name ?? "").trim();
  if (name.length > MAX_NAME_LENGTH || "name" in upload.tooLong) return { ok: false, status: 400, field: "name", message: "Use at most 100 characters.", name: name.slice(0, MAX_NAME_LENGTH) };
  if (!file?.bytes || file.size === 0) return { ok: false, status: 400, field: "file", message: CHOOSE_A_FILE, name };
  return { ok: true, text: new TextDecoder().decode(file.bytes), name };
}
