import type { ReactNode } from "react";

/** One block of the security page: a landmark named by its heading, so people and tests can find it. */
export function SecuritySection({ id, title, description, children }: { id: string; title: string; description?: ReactNode; children: ReactNode }) {
  const headingId = `${id}-heading`;
  return (
    <section id={id} aria-labelledby={headingId} className="scroll-mt-6 rounded-xl border border-zinc-200 p-4 sm:p-5 dark:border-zinc-800">
      <h2 id={headingId} className="text-lg font-semibold">
        {title}
      </h2>
      {description ? <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{description}</p> : null}
      <div className="mt-4">{children}</div>
    </section>
  );
}
