import { lazy, Suspense, useState, type ComponentType } from "react";
import { buttonClass } from "~/components/ui/button";
import { useHydrated } from "~/components/use-hydrated";

export interface AiPanelProps<Props> {
  props: Props;
  onClose: () => void;
}

type PanelModule<Props> = Promise<{ default: ComponentType<AiPanelProps<Props>> }>;

/**
 * A button that opens an AI agent's panel. The panel's module (and with it the AI SDK) is fetched
 * only on the first click, so a screen pays for AI code only when someone uses it. The agents run
 * in the browser, so without JavaScript the button is not offered at all.
 */
export function AiAction<Props>({ label, load, props }: { label: string; load: () => PanelModule<Props>; props: Props }) {
  const hydrated = useHydrated();
  const [open, setOpen] = useState(false);
  const [Panel] = useState(() => lazy(load));
  if (!hydrated) return null;
  return (
    <>
      <button type="button" className={buttonClass("secondary")} onClick={() => setOpen(true)} aria-haspopup="dialog">
        <span aria-hidden="true">✦</span> {label}
      </button>
      {open ? (
        <Suspense fallback={<PanelFrame title={label} onClose={() => setOpen(false)}>Loading the AI tools…</PanelFrame>}>
          <Panel props={props} onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </>
  );
}

/** The slide-over every agent panel sits in: a labelled, modal dialog that Escape closes. */
export function PanelFrame({ title, onClose, children }: { title: string; onClose: () => void; children: React.ReactNode }) {
  return (
    <div className="fixed inset-0 z-40 flex justify-end bg-zinc-950/30" onKeyDown={(event) => event.key === "Escape" && onClose()}>
      <div
        role="dialog"
        aria-modal="true"
        aria-label={title}
        className="flex h-full w-full max-w-2xl flex-col overflow-hidden border-l border-zinc-200 bg-white shadow-xl dark:border-zinc-800 dark:bg-zinc-950"
      >
        <header className="flex items-center justify-between gap-4 border-b border-zinc-200 px-5 py-3 dark:border-zinc-800">
          <h2 className="text-base font-semibold">
            <span aria-hidden="true" className="text-accent-600">
              ✦{" "}
            </span>
            {title}
          </h2>
          <button type="button" className={buttonClass("ghost", "sm")} onClick={onClose}>
            Close
          </button>
        </header>
        <div className="flex-1 overflow-y-auto px-5 py-4 text-sm">{children}</div>
      </div>
    </div>
  );
}
