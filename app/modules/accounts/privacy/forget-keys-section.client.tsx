import { ForgetAllKeys } from "~/ai/components/forget-all-keys.client";
import { useVault } from "~/ai/use-vault.client";
import { Alert } from "~/components/ui/alert";

/**
 * Settings → AI keys' "forget all keys", offered here too. The keys live only in this browser, so only
 * the browser can forget them; its request to clear the account's endpoints posts to the privacy page.
 */
export function ForgetKeysSection() {
  const { state, error, apply } = useVault();
  return (
    <div className="space-y-3">
      {error ? <Alert tone="error">{error}</Alert> : null}
      {state === null ? <p className="text-sm text-zinc-500">Opening the key vault in this browser…</p> : <ForgetAllKeys apply={apply} />}
    </div>
  );
}
