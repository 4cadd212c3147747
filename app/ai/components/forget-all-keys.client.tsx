import { useFetcher } from "@remix-run/react";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import type { AiEndpointAnswer } from "../ai-endpoints";
import { forgetAllKeys, type VaultState } from "../key-vault.client";

/**
 * Removes every key from this browser (the encrypted record and the device key that opens it) and
 * the endpoints allowed on the account. Two steps, since the keys cannot be recovered from Bearing.
 */
export function ForgetAllKeys({ apply }: { apply: (operation: () => Promise<VaultState | void>) => Promise<boolean> }) {
  const [confirming, setConfirming] = useState(false);
  const [forgotten, setForgotten] = useState(false);
  const endpoints = useFetcher<AiEndpointAnswer>({ key: "forget-endpoints" });

  const forget = async () => {
    if (!(await apply(forgetAllKeys))) return;
    endpoints.submit({ intent: "forget-endpoints" }, { method: "post" });
    setConfirming(false);
    setForgotten(true);
  };

  return (
    <section aria-labelledby="forget-all-keys" className="rounded-xl border border-red-200 p-4 sm:p-5 dark:border-red-900/60">
      <h2 id="forget-all-keys" className="font-medium">
        Forget all keys
      </h2>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        Deletes every key, model and passphrase saved in this browser, and the endpoints you added. Keys in other browsers stay
        where they are.
      </p>
      {confirming ? (
        <div className="mt-4 rounded-lg bg-red-50 p-3 text-sm dark:bg-red-950/50" role="group" aria-label="Confirm forgetting all keys">
          <p>Forget all keys? Bearing keeps no copy: you will have to paste them again.</p>
          <div className="mt-3 flex flex-wrap gap-2">
            <Button type="button" size="sm" variant="danger" onClick={() => void forget()}>
              Yes, forget all keys
            </Button>
            <Button type="button" size="sm" variant="ghost" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
          </div>
        </div>
      ) : (
        <Button type="button" size="sm" variant="secondary" className="mt-4" onClick={() => setConfirming(true)}>
          Forget all keys
        </Button>
      )}
      {forgotten ? (
        <p role="status" className="mt-3 text-sm text-emerald-700 dark:text-emerald-400">
          {endpoints.state === "idle" ? "All keys are gone from this browser." : "Keys forgotten; removing your endpoints…"}
        </p>
      ) : null}
    </section>
  );
}
