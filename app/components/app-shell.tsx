import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import { atLeast, type Role } from "~/modules/workspaces/roles";
import { Logo } from "./logo";
import { ThemeSwitcher } from "./theme";

export const PRODUCT_AREAS = [
  { path: "", label: "Dashboard", icon: "M3 12l9-9 9 9M5 10v10h14V10" },
  { path: "vision", label: "Vision", icon: "M12 3l2.5 6.5L21 12l-6.5 2.5L12 21l-2.5-6.5L3 12l6.5-2.5z" },
  { path: "personas", label: "Personas", icon: "M16 11a4 4 0 10-8 0 4 4 0 008 0zM4 21a8 8 0 0116 0" },
  { path: "competitors", label: "Competitors", icon: "M4 20V10m6 10V4m6 16v-7m4 7H2" },
  { path: "initiatives", label: "Initiatives", icon: "M9 6h11M9 12h11M9 18h11M4 6h.01M4 12h.01M4 18h.01" },
  { path: "roadmap", label: "Roadmap", icon: "M3 6h6v12H3zM10 6h5v8h-5zM16 6h5v5h-5z" },
  { path: "risks", label: "Risks", icon: "M12 3l9 16H3zM12 10v4m0 3h.01" },
  { path: "transcripts", label: "Transcripts", icon: "M7 4h10l3 3v13H4V4h3zM8 11h8M8 15h6" },
  { path: "search", label: "Search", icon: "M11 18a7 7 0 100-14 7 7 0 000 14zm5-2l5 5" },
  { path: "ai", label: "Ask AI", icon: "M12 3v3m0 12v3M3 12h3m12 0h3M6 6l2 2m8 8l2 2M6 18l2-2m8-8l2-2" },
] as const;

/** The workspace's settings, each listed for the roles that can open it. */
const SETTINGS_AREAS = [
  { path: "settings/members", label: "Members", minimum: "viewer" },
  { path: "settings/integrations", label: "Integrations", minimum: "admin" },
  { path: "settings/workspace", label: "Workspace", minimum: "viewer" },
  { path: "settings/activity", label: "Activity", minimum: "viewer" },
  { path: "settings/usage", label: "Usage", minimum: "admin" },
] as const satisfies ReadonlyArray<{ path: string; label: string; minimum: Role }>;

interface ShellProps {
  workspace: { slug: string; name: string };
  /** The signed-in person's role here: settings they cannot open are not offered. */
  role: Role;
  workspaces: ReadonlyArray<{ slug: string; name: string; role: Role }>;
  user: { name: string; email: string };
  children: ReactNode;
}

function Icon({ d }: { d: string }) {
  return (
    <svg viewBox="0 0 24 24" className="size-4 shrink-0" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d={d} />
    </svg>
  );
}

const navItem = ({ isActive }: { isActive: boolean }) =>
  `flex items-center gap-2.5 rounded-md px-2.5 py-1 text-sm ${
    isActive
      ? "bg-zinc-200/70 font-medium text-zinc-900 dark:bg-zinc-800 dark:text-white"
      : "text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800/60 dark:hover:text-zinc-100"
  }`;

function Navigation({ slug, role }: { slug: string; role: Role }) {
  const base = `/w/${slug}`;
  return (
    <nav aria-label="Workspace" className="space-y-5">
      <Form method="get" action={`${base}/search`} role="search">
        <label>
          <span className="sr-only">Search this workspace</span>
          <input name="q" type="search" placeholder="Search…" className="block w-full rounded-md border border-zinc-200 bg-white px-2.5 py-1.5 text-sm placeholder:text-zinc-400 dark:border-zinc-800 dark:bg-zinc-900" />
        </label>
      </Form>
      <ul className="space-y-0.5">
        {PRODUCT_AREAS.map((area) => (
          <li key={area.path}>
            <NavLink to={area.path ? `${base}/${area.path}` : base} end={!area.path} className={navItem} prefetch="intent">
              <Icon d={area.icon} />
              {area.label}
            </NavLink>
          </li>
        ))}
      </ul>
      <div>
        <p className="px-2.5 pb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase">Settings</p>
        <ul className="space-y-0.5">
          {SETTINGS_AREAS.filter((area) => atLeast(role, area.minimum)).map((area) => (
            <li key={area.path}>
              <NavLink to={`${base}/${area.path}`} className={navItem} prefetch="intent">
                {area.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </div>
    </nav>
  );
}

/** Switching workspaces is a plain link list inside <details>, so it works without JavaScript. */
function WorkspaceSwitcher({ current, workspaces }: { current: ShellProps["workspace"]; workspaces: ShellProps["workspaces"] }) {
  return (
    <details className="group relative">
      <summary className="flex cursor-pointer list-none items-center gap-2 rounded-md px-2 py-1.5 hover:bg-zinc-100 dark:hover:bg-zinc-800 [&::-webkit-details-marker]:hidden">
        <Logo className="size-6" />
        <span className="truncate text-sm font-semibold">{current.name}</span>
        <svg viewBox="0 0 20 20" className="ml-auto size-4 text-zinc-400" aria-hidden="true" fill="currentColor">
          <path d="M5.5 8l4.5 4.5L14.5 8z" />
        </svg>
        <span className="sr-only">Switch workspace</span>
      </summary>
      <div className="absolute z-20 mt-1 w-60 rounded-lg border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-800 dark:bg-zinc-900">
        <p className="px-2 py-1 text-xs text-zinc-500">Workspaces</p>
        {workspaces.map((w) => (
          <Link
            key={w.slug}
            to={`/w/${w.slug}`}
            aria-current={w.slug === current.slug ? "page" : undefined}
            className="flex items-center justify-between rounded-md px-2 py-1.5 text-sm hover:bg-zinc-100 aria-[current]:font-medium dark:hover:bg-zinc-800"
          >
            <span className="truncate">{w.name}</span>
            <span className="text-xs text-zinc-400">{w.role}</span>
          </Link>
        ))}
        <Link to="/w/new" className="mt-1 block rounded-md border-t border-zinc-100 px-2 py-1.5 text-sm text-accent-600 hover:bg-zinc-100 dark:border-zinc-800 dark:hover:bg-zinc-800">
          + New workspace
        </Link>
      </div>
    </details>
  );
}

function UserMenu({ user }: { user: ShellProps["user"] }) {
  return (
    <div className="space-y-3 border-t border-zinc-200 pt-3 dark:border-zinc-800">
      <div className="flex items-center gap-2 px-1">
        <span aria-hidden="true" className="grid size-7 place-items-center rounded-full bg-accent-600 text-xs font-semibold text-white">
          {user.name.slice(0, 1).toUpperCase()}
        </span>
        <div className="min-w-0 text-xs">
          <p className="truncate font-medium">{user.name}</p>
          <p className="truncate text-zinc-500">{user.email}</p>
        </div>
      </div>
      <div className="px-1">
        <ThemeSwitcher />
      </div>
      <div className="flex items-center justify-between gap-2 px-1 text-xs">
        <Link to="/settings/account" className="text-xs text-zinc-600 hover:underline dark:text-zinc-400">
          Account
        </Link>
        <Form method="post" action="/logout">
          <button className="text-xs whitespace-nowrap text-zinc-600 hover:underline dark:text-zinc-400">Log out</button>
        </Form>
      </div>
    </div>
  );
}

export function AppShell({ workspace, role, workspaces, user, children }: ShellProps) {
  // Client-side navigation keeps these elements, and with them an open <details>: keyed by the path,
  // the menus remount closed once one of their links is followed.
  const { pathname } = useLocation();
  return (
    <div className="min-h-dvh md:flex">
      <aside className="hidden w-60 shrink-0 flex-col gap-4 border-r border-zinc-200 bg-zinc-50 p-3 md:sticky md:top-0 md:flex md:h-dvh dark:border-zinc-800 dark:bg-zinc-900/40">
        <WorkspaceSwitcher key={`switcher:${pathname}`} current={workspace} workspaces={workspaces} />
        <div className="flex-1 overflow-y-auto">
          <Navigation slug={workspace.slug} role={role} />
        </div>
        <UserMenu user={user} />
      </aside>

      {/* No backdrop-filter here: it would make the header the containing block of the fixed menu panel. */}
      <header className="sticky top-0 z-10 flex items-center gap-2 border-b border-zinc-200 bg-white px-3 py-2 md:hidden dark:border-zinc-800 dark:bg-zinc-950">
        <WorkspaceSwitcher key={`switcher:${pathname}`} current={workspace} workspaces={workspaces} />
        <details key={`menu:${pathname}`} className="group ml-auto">
          <summary className="cursor-pointer list-none rounded-md border border-zinc-300 px-2.5 py-1 text-sm dark:border-zinc-700 [&::-webkit-details-marker]:hidden">
            Menu
          </summary>
          <div className="fixed inset-x-0 top-12 bottom-0 z-30 overflow-y-auto bg-white p-4 dark:bg-zinc-950">
            <Navigation slug={workspace.slug} role={role} />
            <div className="mt-6">
              <UserMenu user={user} />
            </div>
          </div>
        </details>
      </header>

      <main className="min-w-0 flex-1">{children}</main>
    </div>
  );
}

export function PageHeader({ title, description, actions }: { title: string; description?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-4 border-b border-zinc-200 px-4 py-5 sm:px-8 dark:border-zinc-800">
      <div>
        <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
        {description ? <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{description}</p> : null}
      </div>
      {actions}
    </div>
  );
}

export function EmptyState({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <div className="mx-auto my-12 max-w-md rounded-xl border border-dashed border-zinc-300 px-6 py-10 text-center dark:border-zinc-700">
      <h2 className="font-medium">{title}</h2>
      <div className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{children}</div>
      {action ? <div className="mt-5">{action}</div> : null}
    </div>
  );
}
