import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportPersonalData, personalExportFilename } from "~/modules/accounts/privacy/personal-export.server";
import { requireUser } from "~/services/auth.server";

/** Everything Bearing holds about the signed-in person, as one JSON file (docs/personal-export-format.md). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  const now = new Date();
  const document = await exportPersonalData(context.db, user.id, now);
  return new Response(JSON.stringify(document, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${personalExportFilename(user.email, now)}"`,
      "Cache-Control": "no-store",
    },
  });
}
