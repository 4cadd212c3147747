import { useId, useState, type FormEvent } from "react";
import { Button } from "~/components/ui/button";
import { inputClass, FieldShell } from "~/components/ui/field";
import { lockVault, setPassphrase, unlockVault, WrongPassphraseError, type VaultState } from "../key-vault.client";

type Apply = (operation: () => Promise<VaultState | void>) => Promise<boolean>;

const MIN_PASSPHRASE_LENGTH = 8;

/** A password input that is never part of a submitted form: it has no name. */
function PassphraseInput({ label, error, autoComplete }: { label: string; error: string | null; autoComplete: "current-password" | "new-password" }) {
  const id = useId();
  return (
    <FieldShell label={label} htmlFor={id} errors={error ? [error] : undefined} errorId={`${id}-error`}>
      <input
        id={id}
        data-field="passphrase"
        type="password"
        autoComplete={autoComplete}
        spellCheck={false}
        className={inputClass}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
    </FieldShell>
  );
}

function passphraseOf(event: FormEvent<HTMLFormElement>): string {
  event.preventDefault();
  return event.currentTarget.querySelector<HTMLInputElement>('[data-field="passphrase"]')?.value ?? "";
}

/** Shown while a passphrase locks the vault: nothing else can be read until it is given. */
export function UnlockVaultForm({ apply }: { apply: Apply }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const unlock = async (passphrase: string) => {
    setError(null);
    setBusy(true);
    try {
      await unlockVault(passphrase);
      await apply(async () => undefined);
    } catch (cause) {
      setError(cause instanceof WrongPassphraseError ? cause.message : String(cause));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="unlock-vault" className="rounded-xl border border-zinc-200 p-4 sm:p-5 dark:border-zinc-800">
      <h2 id="unlock-vault" className="font-medium">
        Unlock your keys
      </h2>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">Your keys are locked with a passphrase. Enter it to see and use them in this tab.</p>
      <form className="mt-4 flex flex-col gap-3 sm:flex-row sm:items-start" onSubmit={(event) => void unlock(passphraseOf(event))}>
        <div className="flex-1 sm:max-w-sm">
          <PassphraseInput label="Passphrase" error={error} autoComplete="current-password" />
        </div>
        <Button className="sm:mt-6" disabled={busy}>
          {busy ? "Unlocking…" : "Unlock"}
        </Button>
      </form>
    </section>
  );
}

/** Set, change or remove the passphrase of an open vault, or lock it again now. */
export function PassphraseSettings({ hasPassphrase, apply }: { hasPassphrase: boolean; apply: Apply }) {
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (event: FormEvent<HTMLFormElement>) => {
    const form = event.currentTarget;
    const passphrase = passphraseOf(event);
    setNotice(null);
    if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
      setError(`Use at least ${MIN_PASSPHRASE_LENGTH} characters.`);
      return;
    }
    setError(null);
    setBusy(true);
    // Deriving the key takes PBKDF2's 600,000 rounds: a moment, on purpose.
    const done = await apply(() => setPassphrase(passphrase));
    setBusy(false);
    if (!done) return;
    form.reset();
    setNotice(hasPassphrase ? "Passphrase changed." : "Your keys are now locked with this passphrase. You will need it again after each reload.");
  };

  const remove = async () => {
    setNotice(null);
    if (await apply(() => setPassphrase(null))) setNotice("Passphrase removed.");
  };

  return (
    <section aria-labelledby="vault-passphrase" className="rounded-xl border border-zinc-200 p-4 sm:p-5 dark:border-zinc-800">
      <h2 id="vault-passphrase" className="font-medium">
        {hasPassphrase ? "Passphrase" : "Lock with a passphrase"}
      </h2>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        {hasPassphrase
          ? "Your keys open only with the passphrase, once per tab. Forgetting it means adding your keys again."
          : "Optional: ask for a passphrase before your keys can be used in a new tab, so someone using this browser cannot run up your bill."}
      </p>
      <form className="mt-4 flex flex-col gap-3 sm:flex-row sm:items-start" onSubmit={(event) => void save(event)}>
        <div className="flex-1">
          <PassphraseInput label={hasPassphrase ? "New passphrase" : "Passphrase"} error={error} autoComplete="new-password" />
        </div>
        <Button size="sm" className="sm:mt-7" disabled={busy}>
          {busy ? "Saving…" : hasPassphrase ? "Change passphrase" : "Set passphrase"}
        </Button>
      </form>
      {hasPassphrase ? (
        <div className="mt-3 flex flex-wrap gap-2">
          <Button type="button" size="sm" variant="secondary" onClick={() => void apply(async () => lockVault())}>
            Lock now
          </Button>
          <Button type="button" size="sm" variant="ghost" onClick={() => void remove()}>
            Remove passphrase
          </Button>
        </div>
      ) : null}
      {notice ? (
        <p role="status" className="mt-3 text-sm text-emerald-700 dark:text-emerald-400">
          {notice}
        </p>
      ) : null}
    </section>
  );
}
