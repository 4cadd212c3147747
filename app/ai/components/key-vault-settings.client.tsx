import { Alert } from "~/components/ui/alert";
import { setDefaultProvider, type VaultContents, type VaultState } from "../key-vault.client";
import { PROVIDER_IDS, PROVIDERS, type ProviderId } from "../providers";
import { useVault } from "../use-vault.client";
import { ForgetAllKeys } from "./forget-all-keys.client";
import { ProviderKeyCard } from "./provider-key-card.client";
import { PassphraseSettings, UnlockVaultForm } from "./vault-passphrase.client";

type Apply = (operation: () => Promise<VaultState | void>) => Promise<boolean>;

/**
 * Settings → AI keys in the browser: one card per provider, the default provider, the passphrase
 * and "forget all keys". Rendered only after hydration; the server never has a vault to show.
 */
export function KeyVaultSettings({ allowedOrigins, defaultOrigins }: { allowedOrigins: string[]; defaultOrigins: string[] }) {
  const { state, error, apply } = useVault();
  const reachableOrigins = [...defaultOrigins, ...allowedOrigins];
  return (
    <div className="space-y-6">
      {error ? <Alert tone="error">{error}</Alert> : null}
      {state === null ? <p className="text-sm text-zinc-500">Opening the key vault in this browser…</p> : null}
      {state?.status === "locked" ? <UnlockVaultForm apply={apply} /> : null}
      {state?.status === "unreadable" ? (
        <Alert tone="warning">
          This browser still holds your saved keys but can no longer open them: the key that encrypts them was removed with part of
          this site's data. They cannot be recovered. Forget them below, then add your keys again.
        </Alert>
      ) : null}
      {state?.status === "empty" || state?.status === "open" ? (
        <OpenVault contents={state.status === "open" ? state.contents : null} hasPassphrase={state.status === "open" && state.passphrase} reachableOrigins={reachableOrigins} apply={apply} />
      ) : null}
      {state ? <ForgetAllKeys apply={apply} /> : null}
    </div>
  );
}

function OpenVault({ contents, hasPassphrase, reachableOrigins, apply }: { contents: VaultContents | null; hasPassphrase: boolean; reachableOrigins: string[]; apply: Apply }) {
  const configured = PROVIDER_IDS.filter((id) => contents?.providers[id]);
  return (
    <>
      {configured.length > 0 ? <DefaultProviderChoice configured={configured} current={contents?.defaultProvider ?? null} apply={apply} /> : null}
      {PROVIDER_IDS.map((id) => (
        <ProviderKeyCard key={id} provider={id} stored={contents?.providers[id]} isDefault={contents?.defaultProvider === id} reachableOrigins={reachableOrigins} apply={apply} />
      ))}
      {contents ? <PassphraseSettings hasPassphrase={hasPassphrase} apply={apply} /> : null}
    </>
  );
}

function DefaultProviderChoice({ configured, current, apply }: { configured: ProviderId[]; current: ProviderId | null; apply: Apply }) {
  return (
    <fieldset className="rounded-xl border border-zinc-200 p-4 sm:p-5 dark:border-zinc-800">
      <legend className="px-1 text-sm font-medium">Use by default</legend>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">The provider AI features start with; you can pick another for each run.</p>
      <div className="mt-3 flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:gap-x-5">
        {configured.map((id) => (
          <label key={id} className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name="default-provider"
              checked={current === id}
              onChange={() => void apply(() => setDefaultProvider(id))}
              className="size-4 accent-accent-600"
            />
            {PROVIDERS[id].label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
