import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { Logo } from "~/components/logo";
import { ThemeSwitcher } from "~/components/theme";
import { requireUser } from "~/services/auth.server";

const SECTIONS = [
  { to: "account", label: "Account" },
  { to: "security", label: "Security" },
  { to: "ai-keys", label: "AI keys" },
  { to: "privacy", label: "Privacy" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  return { user: { name: user.name, email: user.email } };
}

export default function PersonalSettingsLayout() {
  const { user } = useLoaderData<typeof loader>();
  return (
    <div className="min-h-dvh">
      <header className="flex items-center gap-3 border-b border-zinc-200 px-4 py-3 sm:px-8 dark:border-zinc-800">
        <Link to="/" className="flex items-center gap-2 text-sm font-semibold">
          <Logo /> Bearing
        </Link>
        <span className="text-zinc-400">/</span>
        <span className="text-sm">Your settings</span>
        <div className="ml-auto">
          <ThemeSwitcher />
        </div>
      </header>
      <div className="mx-auto max-w-5xl gap-8 px-4 py-6 sm:flex sm:px-8">
        <nav aria-label="Settings" className="mb-6 flex gap-1 overflow-x-auto sm:mb-0 sm:w-48 sm:flex-col">
          {SECTIONS.map((section) => (
            <NavLink
              key={section.to}
              to={section.to}
              className={({ isActive }) =>
                `rounded-md px-2.5 py-1.5 text-sm whitespace-nowrap ${isActive ? "bg-zinc-200/70 font-medium dark:bg-zinc-800" : "text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800/60"}`
              }
            >
              {section.label}
            </NavLink>
          ))}
        </nav>
        <div className="min-w-0 flex-1">
          <p className="mb-4 text-xs text-zinc-500">
            Signed in as {user.name} ({user.email})
          </p>
          <Outlet />
        </div>
      </div>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
