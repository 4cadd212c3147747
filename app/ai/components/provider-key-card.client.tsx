import { useFetcher } from "@remix-run/react";
import { useEffect, useId, useRef, useState } from "react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { inputClass, FieldShell } from "~/components/ui/field";
import type { AiEndpointAnswer } from "../ai-endpoints";
import { maskKey, removeProvider, saveProvider, type StoredProvider, type VaultState } from "../key-vault.client";
import { endpointOrigin, PROVIDERS, type ProviderId } from "../providers";
import { testProviderKey, type KeyTestResult } from "./test-provider-key.client";

interface ProviderKeyCardProps {
  provider: ProviderId;
  stored: StoredProvider | undefined;
  isDefault: boolean;
  /** Origins the page's CSP lets this browser connect to. */
  reachableOrigins: readonly string[];
  apply: (operation: () => Promise<VaultState | void>) => Promise<boolean>;
}

type Draft = { apiKey: string; baseUrl: string; model: string };

/**
 * One provider's key, endpoint and model. The inputs have no `name` and the form is not a Remix
 * form: nothing typed here can be submitted to Bearing. The only request to our server is the
 * endpoint's origin, so the next page's CSP lets the browser call it.
 */
export function ProviderKeyCard({ provider, stored, isDefault, reachableOrigins, apply }: ProviderKeyCardProps) {
  const info = PROVIDERS[provider];
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const allow = useFetcher<AiEndpointAnswer>({ key: `allow-endpoint-${provider}` });
  const [baseUrlError, setBaseUrlError] = useState<string | null>(null);
  const [keyError, setKeyError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [testing, setTesting] = useState(false);
  const [testResult, setTestResult] = useState<KeyTestResult | null>(null);
  // From "Save" until the reload, this document still may not call the new origin: hold the buttons.
  const [allowing, setAllowing] = useState(false);

  const allowed = allow.state === "idle" && allow.data && "origin" in allow.data ? allow.data.origin : null;
  const refused = allow.state === "idle" && allow.data && "fieldErrors" in allow.data ? allow.data.fieldErrors.baseUrl[0] : null;
  useEffect(() => {
    // A CSP applies to the document it came with: only a new document may call the new origin.
    if (allowed) window.location.reload();
  }, [allowed]);
  useEffect(() => {
    if (allow.state === "idle" && allow.data && "fieldErrors" in allow.data) setAllowing(false);
  }, [allow.state, allow.data]);
  const waitingForReload = allowing || allow.state !== "idle" || Boolean(allowed);

  const draft = (): Draft => {
    const field = (name: keyof Draft) => (formRef.current?.querySelector<HTMLInputElement>(`[data-field="${name}"]`)?.value ?? "").trim();
    return { apiKey: field("apiKey"), baseUrl: field("baseUrl"), model: field("model") };
  };

  /** The origin the browser would call, and whether this page may already call it. */
  const checkEndpoint = (baseUrl: string): { origin: string | null; reachable: boolean } | null => {
    if (!baseUrl) return { origin: null, reachable: true };
    const parsed = endpointOrigin(baseUrl);
    if ("error" in parsed) {
      setBaseUrlError(parsed.error);
      return null;
    }
    return { origin: parsed.origin, reachable: reachableOrigins.includes(parsed.origin) };
  };

  // The origin alone: a path could carry a proxy's token, and the server keeps only the origin anyway.
  const allowEndpoint = (origin: string) => allow.submit({ intent: "allow-endpoint", baseUrl: origin }, { method: "post" });

  const save = async () => {
    const input = draft();
    setBaseUrlError(null);
    setKeyError(null);
    setNotice(null);
    setTestResult(null);
    const endpoint = checkEndpoint(input.baseUrl);
    if (!endpoint) return;
    if (info.keyRequired && !input.apiKey && !stored?.apiKey) {
      setKeyError(`Enter your ${info.label} API key.`);
      return;
    }
    const needsAllowing = Boolean(endpoint.origin && !endpoint.reachable);
    setAllowing(needsAllowing);
    if (!(await apply(() => saveProvider(provider, input)))) return setAllowing(false);
    const keyInput = formRef.current?.querySelector<HTMLInputElement>('[data-field="apiKey"]');
    if (keyInput) keyInput.value = "";
    if (needsAllowing && endpoint.origin) {
      setNotice(`Saved. Allowing ${endpoint.origin}; the page reloads when it is allowed.`);
      allowEndpoint(endpoint.origin);
    } else {
      setNotice("Saved in this browser.");
    }
  };

  const test = async () => {
    const input = draft();
    setBaseUrlError(null);
    setNotice(null);
    setTestResult(null);
    const endpoint = checkEndpoint(input.baseUrl);
    if (!endpoint) return;
    if (!endpoint.reachable) {
      setBaseUrlError(`Save first: this page may not call ${endpoint.origin} until it is allowed.`);
      return;
    }
    setTesting(true);
    const config = { provider, apiKey: input.apiKey || stored?.apiKey || "", baseUrl: input.baseUrl, model: input.model || stored?.model || info.defaultModel };
    try {
      setTestResult(await testProviderKey(config));
    } finally {
      setTesting(false);
    }
  };

  const remove = async () => {
    setNotice(null);
    setTestResult(null);
    if (await apply(() => removeProvider(provider))) setNotice(`${info.label} removed from this browser.`);
  };

  const storedEndpoint = stored?.baseUrl ? endpointOrigin(stored.baseUrl) : null;
  const blockedOrigin = storedEndpoint && "origin" in storedEndpoint && !reachableOrigins.includes(storedEndpoint.origin) ? storedEndpoint.origin : null;
  const headingId = `${id}-heading`;
  const status = stored ? (stored.apiKey ? `Key ${maskKey(stored.apiKey)}` : "Saved, no key") : "Not set";
  return (
    <section aria-labelledby={headingId} className="rounded-xl border border-zinc-200 p-4 sm:p-5 dark:border-zinc-800">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <h2 id={headingId} className="font-medium">
          {info.label}
        </h2>
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          {isDefault ? <span className="mr-2 rounded bg-accent-50 px-1.5 py-0.5 font-medium text-accent-700 dark:bg-accent-600/25 dark:text-zinc-100">Default</span> : null}
          <span className="font-mono">{status}</span>
        </p>
      </div>
      {blockedOrigin && !waitingForReload ? (
        <div className="mt-3">
          <Alert tone="warning">
            This page may not call {blockedOrigin} yet (it was removed from your endpoints, or never allowed).{" "}
            <button
              type="button"
              className="font-medium underline"
              onClick={() => {
                setAllowing(true);
                allowEndpoint(blockedOrigin);
              }}
            >
              Allow it
            </button>
          </Alert>
        </div>
      ) : null}
      <form
        ref={formRef}
        // Remounts the inputs with the saved values whenever the vault changes underneath them.
        key={`${stored?.baseUrl}|${stored?.model}|${stored ? maskKey(stored.apiKey) : ""}`}
        className="mt-4 space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <FieldShell
          label="API key"
          htmlFor={`${id}-key`}
          hint={
            <a href={info.keysUrl} target="_blank" rel="noreferrer" className="underline">
              {info.keyRequired ? `Where to get your ${info.label} key` : "Letting a local server accept calls from this page (Ollama)"}
            </a>
          }
          hintId={`${id}-key-hint`}
          errors={keyError ? [keyError] : undefined}
          errorId={`${id}-key-error`}
        >
          <input
            id={`${id}-key`}
            data-field="apiKey"
            type="password"
            autoComplete="off"
            spellCheck={false}
            placeholder={stored?.apiKey ? "Leave empty to keep the saved key" : info.keyPlaceholder}
            className={`${inputClass} font-mono`}
            aria-invalid={keyError ? true : undefined}
            aria-describedby={keyError ? `${id}-key-error` : `${id}-key-hint`}
          />
        </FieldShell>
        <div className="grid gap-3 sm:grid-cols-2">
          <FieldShell label="Base URL" htmlFor={`${id}-base-url`} errors={baseUrlError || refused ? [(baseUrlError ?? refused)!] : undefined} errorId={`${id}-base-url-error`}>
            <input
              id={`${id}-base-url`}
              data-field="baseUrl"
              type="text"
              inputMode="url"
              autoComplete="off"
              spellCheck={false}
              defaultValue={stored?.baseUrl ?? ""}
              placeholder={info.defaultBaseUrl}
              className={inputClass}
              aria-invalid={baseUrlError || refused ? true : undefined}
              aria-describedby={baseUrlError || refused ? `${id}-base-url-error` : undefined}
            />
          </FieldShell>
          <FieldShell label="Default model" htmlFor={`${id}-model`}>
            <input
              id={`${id}-model`}
              data-field="model"
              type="text"
              autoComplete="off"
              spellCheck={false}
              defaultValue={stored?.model ?? ""}
              placeholder={info.defaultModel}
              className={inputClass}
            />
          </FieldShell>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button size="sm" disabled={waitingForReload}>
            Save
          </Button>
          <Button type="button" size="sm" variant="secondary" disabled={testing || waitingForReload} onClick={() => void test()}>
            {testing ? "Testing…" : "Test key"}
          </Button>
          {stored ? (
            <Button type="button" size="sm" variant="ghost" onClick={() => void remove()}>
              Remove
            </Button>
          ) : null}
        </div>
      </form>
      <div className="mt-3 space-y-2 empty:hidden" aria-live="polite">
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        {testResult ? <KeyTestOutcome result={testResult} /> : null}
      </div>
    </section>
  );
}

function KeyTestOutcome({ result }: { result: KeyTestResult }) {
  if (result.ok) return <Alert tone="success">Works — {result.model} answered.</Alert>;
  const { title, message, fix } = result.problem;
  return (
    <Alert tone="error">
      <p className="font-medium">{title}</p>
      <p className="mt-1">{message}</p>
      {fix ? <p className="mt-1">{fix}</p> : null}
    </Alert>
  );
}
