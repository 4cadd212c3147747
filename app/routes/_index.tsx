import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { formatDate } from "~/components/dates";
import { Logo } from "~/components/logo";
import { buttonClass } from "~/components/ui/button";
import { listDeletedWorkspacesOwnedBy, restoreWorkspace } from "~/modules/workspaces/workspace-deletion.server";
import { WorkspaceChooser, type ChooserData } from "~/modules/workspaces/workspace-chooser";
import { listWorkspacesForUser } from "~/modules/workspaces/workspaces.server";
import { requireVerifiedUser } from "~/services/auth.server";
import { requireId } from "~/services/errors.server";
import { formText, parseIntent } from "~/services/forms.server";

export const meta: MetaFunction = () => [
  { title: "Bearing — the AI workspace for product owners" },
  { name: "description", content: "Vision, personas, roadmap, risks and meetings in one place, with AI that runs in your browser on your own keys." },
];

/**
 * Signed-in people go straight to their last workspace, unless they own deleted workspaces: then they
 * choose, and can restore one before it is purged.
 */
export async function loader({ request, context }: LoaderFunctionArgs): Promise<ChooserData | null> {
  const user = context.auth?.user;
  if (!user) return null;
  if (!user.email_verified_at) throw redirect("/verify-email");
  const [workspaces, deleted] = await Promise.all([listWorkspacesForUser(context.db, user.id), listDeletedWorkspacesOwnedBy(context.db, user.id)]);
  if (deleted.length === 0) {
    const target = workspaces.find((w) => w.id === user.last_workspace_id) ?? workspaces[0];
    throw redirect(target ? `/w/${target.slug}` : "/w/new");
  }
  const justDeletedId = new URL(request.url).searchParams.get("deleted");
  const listed = deleted.map((workspace) => ({ id: workspace.id, name: workspace.name, purgeDate: formatDate(workspace.purgeAt) }));
  return {
    workspaces: workspaces.map(({ id, slug, name }) => ({ id, slug, name })),
    deleted: listed,
    justDeleted: listed.find((workspace) => workspace.id === justDeletedId) ?? null,
  };
}

const restoreIntent = z.object({ intent: z.literal("restore-workspace"), workspaceId: formText });

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireVerifiedUser(request, context);
  const form = parseIntent(await request.formData(), restoreIntent);
  const workspaceId = requireId(form.workspaceId, "This workspace");
  const restored = await restoreWorkspace(context.db, user.id, workspaceId);
  throw redirect(`/w/${restored.slug}`);
}

const POINTS = [
  { title: "Your product, in one place", text: "Vision, personas, competitors, initiatives, roadmap, risks and meeting transcripts — shared with your team." },
  { title: "AI on your own keys", text: "OpenAI, Anthropic, Gemini, Groq or a local model, called straight from your browser. We never see a key or a prompt." },
  { title: "Connected to your tools", text: "Jira, Confluence, Slack, Notion, Linear and GitHub, with tokens encrypted at rest." },
];

export default function Home() {
  const chooser = useLoaderData<typeof loader>();
  return chooser ? <WorkspaceChooser {...chooser} /> : <Landing />;
}

function Landing() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-5xl flex-col px-6">
      <header className="flex items-center justify-between py-6">
        <span className="flex items-center gap-2 text-lg font-semibold">
          <Logo className="size-8" /> Bearing
        </span>
        <nav className="flex items-center gap-2">
          <Link to="/login" className={buttonClass("ghost")}>
            Log in
          </Link>
          <Link to="/signup" className={buttonClass("primary")}>
            Sign up
          </Link>
        </nav>
      </header>
      <section className="flex flex-1 flex-col justify-center py-16">
        <h1 className="max-w-2xl text-4xl font-semibold tracking-tight sm:text-5xl">The AI workspace for product owners.</h1>
        <p className="mt-5 max-w-xl text-lg text-zinc-600 dark:text-zinc-400">
          Keep your product thinking in one place and let AI help you prioritise, spot risks and summarise meetings — without handing your keys to anyone.
        </p>
        <div className="mt-8 flex gap-3">
          <Link to="/signup" className={buttonClass("primary")}>
            Create your workspace
          </Link>
          <Link to="/privacy" className={buttonClass("secondary")}>
            Our privacy promises
          </Link>
        </div>
        <div className="mt-16 grid gap-6 sm:grid-cols-3">
          {POINTS.map((point) => (
            <div key={point.title}>
              <h2 className="font-medium">{point.title}</h2>
              <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{point.text}</p>
            </div>
          ))}
        </div>
      </section>
      <footer className="flex gap-4 py-6 text-sm text-zinc-500">
        <Link to="/privacy">Privacy</Link>
        <Link to="/terms">Terms</Link>
      </footer>
    </main>
  );
}
