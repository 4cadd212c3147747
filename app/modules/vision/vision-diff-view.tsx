import { Fragment } from "react";
import type { FieldDiff } from "./vision-diff";

const INSERTED = "rounded-sm bg-emerald-100 px-0.5 text-emerald-900 no-underline dark:bg-emerald-900/60 dark:text-emerald-100";
const DELETED = "rounded-sm bg-red-100 px-0.5 text-red-900 line-through decoration-red-700/60 dark:bg-red-900/50 dark:text-red-200 dark:decoration-red-300/60";

/**
 * Screen readers do not announce <ins> and <del> by default, so each change also says what it is
 * in visually hidden words; colour and strike-through tell sighted readers the same thing. The
 * spaces around a change stay outside the mark (" or late nights" marks "or late nights").
 */
function Marked({ text, Tag, className, said }: { text: string; Tag: "ins" | "del"; className: string; said: string }) {
  const [, before = "", core = "", after = ""] = /^(\s*)([\s\S]*?)(\s*)$/.exec(text) ?? [];
  if (!core) return Tag === "del" ? null : <>{text}</>;
  return (
    <>
      {before}
      <Tag className={className}>
        <span className="sr-only">{`[${said}: `}</span>
        {core}
        <span className="sr-only">]</span>
      </Tag>
      {after}
    </>
  );
}

export function FieldDiffView({ diff }: { diff: FieldDiff }) {
  return (
    <section className="rounded-xl border border-zinc-200 p-5 dark:border-zinc-800" aria-labelledby={`diff-${diff.name}`}>
      <div className="flex items-baseline justify-between gap-3">
        <h3 id={`diff-${diff.name}`} className="text-sm font-semibold">
          {diff.label}
        </h3>
        <span className={`text-xs ${diff.changed ? "font-medium text-accent-600 dark:text-accent-500" : "text-zinc-500"}`}>{diff.changed ? "Changed" : "Unchanged"}</span>
      </div>
      <p className={`mt-2 text-sm leading-relaxed whitespace-pre-wrap ${diff.changed ? "text-zinc-800 dark:text-zinc-200" : "text-zinc-500"}`}>
        {diff.parts.every((part) => part.text === "") ? (
          <span className="text-zinc-400">Empty in both versions</span>
        ) : (
          diff.parts.map((part, index) =>
            part.kind === "added" ? (
              <Marked key={index} text={part.text} Tag="ins" className={INSERTED} said="added" />
            ) : part.kind === "removed" ? (
              <Fragment key={index}>
                <Marked text={part.text} Tag="del" className={DELETED} said="removed" />
                {/* A replacement reads "old new", not "oldnew". */}
                {diff.parts[index + 1]?.kind === "added" && !/\s$/.test(part.text) && !/^\s/.test(diff.parts[index + 1]!.text) ? " " : null}
              </Fragment>
            ) : (
              <span key={index}>{part.text}</span>
            ),
          )
        )}
      </p>
    </section>
  );
}

export function DiffLegend() {
  return (
    <p className="flex flex-wrap items-center gap-3 text-xs text-zinc-600 dark:text-zinc-400" aria-hidden="true">
      <span>
        <ins className={INSERTED}>added words</ins>
      </span>
      <span>
        <del className={DELETED}>removed words</del>
      </span>
    </p>
  );
}
