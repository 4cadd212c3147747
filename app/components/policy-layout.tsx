import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { Logo } from "./logo";

export function PolicyLayout({ title, version, updated, children }: { title: string; version: string; updated: string; children: ReactNode }) {
  return (
    <main className="mx-auto max-w-2xl px-6 py-10">
      <Link to="/" className="flex items-center gap-2 font-semibold">
        <Logo /> Bearing
      </Link>
      <h1 className="mt-10 text-3xl font-semibold tracking-tight">{title}</h1>
      <p className="mt-2 text-sm text-zinc-500">
        Version {version} · Last updated {updated}
      </p>
      <div className="mt-8 space-y-4 leading-relaxed text-zinc-700 dark:text-zinc-300">{children}</div>
      <footer className="mt-12 flex gap-4 border-t border-zinc-200 pt-6 text-sm text-zinc-500 dark:border-zinc-800">
        <Link to="/privacy">Privacy Policy</Link>
        <Link to="/terms">Terms</Link>
      </footer>
    </main>
  );
}
