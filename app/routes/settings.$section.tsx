import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "~/services/auth.server";
import { notFound } from "~/services/errors.server";

// Personal settings that have no screen of their own yet; each replaces its entry here as it lands.
const SECTIONS: Record<string, { title: string; description: string }> = {
  privacy: { title: "Privacy", description: "Export your data, delete your account, and see what Bearing keeps about you." },
};

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} · Bearing` : "Bearing" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  requireUser(request, context);
  const section = SECTIONS[params.section ?? ""];
  if (!section) throw notFound("This page");
  return section;
}

export default function PersonalSettingsPlaceholder() {
  const { title, description } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{description}</p>
      <p className="mt-8 rounded-xl border border-dashed border-zinc-300 p-6 text-sm text-zinc-500 dark:border-zinc-700">This part of Bearing is being built.</p>
    </section>
  );
}
