import { z } from "zod";
import { parseIntent } from "../../services/forms.server";
import { isMultipart, readUpload } from "../../services/request-body.server";
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

/** The confirmation: the checked text again, and whether to import or only look again (anything else). */
const confirmation = z.object({
  intent: z.enum(["preview", "import"]).catch("preview"),
  csv: z.string().catch(""),
  fileName: z.string().catch("").transform((name) => name.slice(0, 200)),
  skipInvalid: z.string().optional().transform((value) => value === "yes"),
});

/**
 * The two posts of the import: the upload (multipart, a .csv file of at most 1 MB) and the
 * confirmation, which carries the same text back in a hidden field — no state kept on the server
 * between the two, and nothing that needs JavaScript.
 */
export async function readImportRequest(request: Request): Promise<ImportRequest> {
  if (!isMultipart(request)) {
    const { intent, ...confirmed } = parseIntent(await request.formData(), confirmation);
    if (new TextEncoder().encode(confirmed.csv).byteLength > IMPORT_LIMIT_BYTES) return { step: "refused", status: 413, message: TOO_LARGE };
    return { step: intent, ...confirmed };
  }
  const upload = await readUpload(request, { maxBytes: CSV_IMPORT_FORM_BYTES, maxParts: MAX_PARTS, fields: {}, files: { file: IMPORT_LIMIT_BYTES }, refuseAnnouncedLarger: true });
  if (upload.stopped?.limit === "parts") return { step: "refused", status: 413, message: "This form has more fields than an import has." };
  const file = upload.files.file;
  if (upload.stopped || (file && !file.bytes)) return { step: "refused", status: 413, message: TOO_LARGE };
  if (!file?.bytes || file.size === 0) return { step: "refused", status: 400, message: "Choose a .csv file to import." };
  // Browsers name the type from the extension; a file without one is taken at its declared type.
  const csvByName = /\.csv$/i.test(file.name) || (!/\.[a-z0-9]+$/i.test(file.name) && /csv/.test(file.type));
  if (!csvByName) {
    return { step: "refused", status: 400, message: `“${file.name}” is not a .csv file. Save the sheet as CSV (comma-separated values) and upload that.` };
  }
  return { step: "preview", csv: new TextDecoder().decode(file.bytes), fileName: file.name, skipInvalid: false };
}
