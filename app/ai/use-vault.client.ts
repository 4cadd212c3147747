import { useCallback, useEffect, useState } from "react";
import { readVault, type VaultState } from "./key-vault.client";

/**
 * The key vault's state for a component, read after hydration (the vault lives in this browser
 * only). `apply` runs a vault operation and shows its result; `reload` rereads after a change made
 * elsewhere (another tab's "forget all keys" arrives through the storage event).
 */
export function useVault() {
  const [state, setState] = useState<VaultState | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(() => {
    readVault().then(setState, (cause: unknown) => setError(cause instanceof Error ? cause.message : String(cause)));
  }, []);

  useEffect(() => {
    reload();
    const onStorage = (event: StorageEvent) => {
      if (event.key === null || event.key.startsWith("bearing.ai-vault")) reload();
    };
    window.addEventListener("storage", onStorage);
    return () => window.removeEventListener("storage", onStorage);
  }, [reload]);

  const apply = useCallback(async (operation: () => Promise<VaultState | void>) => {
    setError(null);
    try {
      const next = await operation();
      setState(next ?? (await readVault()));
      return true;
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
      return false;
    }
  }, []);

  return { state, error, reload, apply };
}
