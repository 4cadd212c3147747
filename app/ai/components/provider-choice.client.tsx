import { Link } from "@remix-run/react";
import { useEffect, useState } from "react";
import { buttonClass } from "~/components/ui/button";
import { unlockVault, WrongPassphraseError } from "../key-vault.client";
import type { ProviderConfig } from "../language-model.client";
import { PROVIDERS, type ProviderId } from "../providers";
import { useVault } from "../use-vault.client";

const inputClass =
  "mt-1 block w-full rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900";

/**
 * Which configured provider and model a run uses. Reads the vault (unlocking it when a passphrase
 * protects it) and hands the chosen configuration, key included, to the caller, in memory only.
 */
export function ProviderChoice({ onChange }: { onChange: (config: ProviderConfig | null) => void }) {
  const { state, apply } = useVault();
  const [chosen, setChosen] = useState<ProviderId | null>(null);
  const [model, setModel] = useState("");

  const contents = state?.status === "open" ? state.contents : null;
  const provider = chosen ?? contents?.defaultProvider ?? null;
  const stored = provider ? contents?.providers[provider] : undefined;

  useEffect(() => {
    onChange(provider && stored ? { provider, ...stored, model: model.trim() || stored.model } : null);
  }, [provider, stored, model, onChange]);

  if (!state) return <p className="text-zinc-500">Opening your key vault…</p>;
  if (state.status === "locked") return <UnlockForm onUnlock={(passphrase) => apply(() => unlockVault(passphrase))} />;
  if (!contents || Object.keys(contents.providers).length === 0) {
    return (
      <p className="rounded-md border border-dashed border-zinc-300 p-3 dark:border-zinc-700">
        {state.status === "unreadable" ? "This browser can no longer read your saved keys. " : "No AI key is set up in this browser yet. "}
        <Link to="/settings/ai-keys" className="font-medium text-accent-700 underline dark:text-accent-400">
          Add a key in Settings → AI keys
        </Link>
        ; it stays in this browser and is never sent to Bearing.
      </p>
    );
  }
  const configured = Object.keys(contents.providers) as ProviderId[];
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <label className="block text-sm font-medium">
        Provider
        <select className={inputClass} value={provider ?? ""} onChange={(event) => setChosen(event.target.value as ProviderId)}>
          {configured.map((id) => (
            <option key={id} value={id}>
              {PROVIDERS[id].label}
            </option>
          ))}
        </select>
      </label>
      <label className="block text-sm font-medium">
        Model
        <input className={inputClass} value={model} placeholder={stored?.model} onChange={(event) => setModel(event.target.value)} />
      </label>
    </div>
  );
}

function UnlockForm({ onUnlock }: { onUnlock: (passphrase: string) => Promise<boolean> }) {
  const [passphrase, setPassphrase] = useState("");
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        setError(null);
        void onUnlock(passphrase).then((ok) => ok || setError(new WrongPassphraseError().message));
      }}
    >
      <p className="text-zinc-600 dark:text-zinc-400">Your AI keys are locked with a passphrase. Enter it to use them in this tab.</p>
      <label className="block text-sm font-medium">
        Passphrase
        <input
          type="password"
          autoComplete="current-password"
          className={inputClass}
          value={passphrase}
          onChange={(event) => setPassphrase(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "unlock-error" : undefined}
        />
      </label>
      {error ? (
        <p id="unlock-error" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
      <button type="submit" className={buttonClass("primary", "sm")}>
        Unlock keys
      </button>
    </form>
  );
}
