import { NavLink } from "@remix-run/react";

const tab = ({ isActive }: { isActive: boolean }) =>
  `rounded-md px-3 py-1.5 text-sm font-medium ${
    isActive
      ? "bg-zinc-200/70 text-zinc-900 dark:bg-zinc-800 dark:text-white"
      : "text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800/60 dark:hover:text-zinc-100"
  }`;

/** The roadmap's views; share links only for those who may create them. */
export function RoadmapTabs({ slug, canShare }: { slug: string; canShare: boolean }) {
  const base = `/w/${slug}/roadmap`;
  return (
    <nav aria-label="Roadmap views" className="flex gap-1 border-b border-zinc-200 px-4 py-2 sm:px-8 dark:border-zinc-800">
      <NavLink to={base} end className={tab} prefetch="intent">
        Board
      </NavLink>
      <NavLink to={`${base}/timeline`} className={tab} prefetch="intent">
        Timeline
      </NavLink>
      {canShare ? (
        <NavLink to={`${base}/shares`} className={tab} prefetch="intent">
          Share links
        </NavLink>
      ) : null}
    </nav>
  );
}
