import { PROVIDERS, type ProviderId } from "./providers";

/**
 * The key vault: the user's LLM keys, kept in this browser only (PRODUCT.md §4, promise 3).
 *
 * localStorage holds one JSON record whose secret part is AES-GCM ciphertext. The key that opens it
 * is a non-extractable WebCrypto key stored in IndexedDB: a copy of localStorage (a backup, a
 * synced profile, a malicious extension reading storage) is useless without this browser's
 * IndexedDB, and no script can export that key. An optional passphrase adds an inner layer
 * (PBKDF2-SHA-256 → AES-GCM) whose key lives in memory only, so a locked vault needs the
 * passphrase again after every reload.
 */
const STORAGE_KEY = "bearing.ai-vault.v1";
const IDB_NAME = "bearing-vault";
const IDB_STORE = "keys";
const DEVICE_KEY_ID = "device";
const PBKDF2_ITERATIONS = 600_000;

export interface StoredProvider {
  apiKey: string;
  baseUrl: string;
  model: string;
}

export interface VaultContents {
  providers: Partial<Record<ProviderId, StoredProvider>>;
  defaultProvider: ProviderId | null;
}

export type VaultState =
  | { status: "empty" }
  | { status: "locked" }
  /** The record is there but this browser's device key is gone (site data partly cleared): only "forget" helps. */
  | { status: "unreadable" }
  | { status: "open"; contents: VaultContents; passphrase: boolean };

interface VaultRecord {
  version: 1;
  /** Present when a passphrase protects the contents. */
  lock: { salt: string; iterations: number } | null;
  iv: string;
  data: string;
}

export class WrongPassphraseError extends Error {
  constructor() {
    super("That passphrase does not open the vault.");
  }
}

let passphraseKey: CryptoKey | null = null;

export async function readVault(): Promise<VaultState> {
  const record = readRecord();
  if (!record) return { status: "empty" };
  if (record.lock && !passphraseKey) return { status: "locked" };
  const contents = await decryptRecord(record);
  if (!contents) return { status: "unreadable" };
  return { status: "open", contents, passphrase: Boolean(record.lock) };
}

export async function unlockVault(passphrase: string): Promise<VaultState> {
  const record = readRecord();
  if (!record?.lock) return readVault();
  const candidate = await derivePassphraseKey(passphrase, fromBase64(record.lock.salt), record.lock.iterations);
  passphraseKey = candidate;
  const state = await readVault().catch(() => null);
  if (state?.status === "open") return state;
  passphraseKey = null;
  throw new WrongPassphraseError();
}

export function lockVault(): void {
  passphraseKey = null;
}

export async function saveProvider(provider: ProviderId, input: { apiKey?: string; baseUrl: string; model: string }): Promise<VaultState> {
  return update((contents) => {
    const previous = contents.providers[provider];
    contents.providers[provider] = {
      apiKey: input.apiKey?.trim() || previous?.apiKey || "",
      baseUrl: input.baseUrl.trim(),
      model: input.model.trim() || PROVIDERS[provider].defaultModel,
    };
    contents.defaultProvider ??= provider;
  });
}

export async function removeProvider(provider: ProviderId): Promise<VaultState> {
  return update((contents) => {
    delete contents.providers[provider];
    if (contents.defaultProvider === provider) contents.defaultProvider = (Object.keys(contents.providers)[0] as ProviderId) ?? null;
  });
}

export async function setDefaultProvider(provider: ProviderId): Promise<VaultState> {
  return update((contents) => {
    if (contents.providers[provider]) contents.defaultProvider = provider;
  });
}

/** Sets, changes or (with null) removes the passphrase. The vault must be open. */
export async function setPassphrase(passphrase: string | null): Promise<VaultState> {
  const state = await readVault();
  if (state.status !== "open") throw new Error("Unlock the vault first.");
  if (passphrase === null) {
    passphraseKey = null;
    await writeRecord(state.contents, null);
  } else {
    const salt = crypto.getRandomValues(new Uint8Array(16));
    passphraseKey = await derivePassphraseKey(passphrase, salt, PBKDF2_ITERATIONS);
    await writeRecord(state.contents, { salt: toBase64(salt), iterations: PBKDF2_ITERATIONS });
  }
  return readVault();
}

/** Removes every key from this browser: the record in localStorage and the device key in IndexedDB. */
export async function forgetAllKeys(): Promise<void> {
  localStorage.removeItem(STORAGE_KEY);
  passphraseKey = null;
  const db = await openKeyStore();
  await request(db.transaction(IDB_STORE, "readwrite").objectStore(IDB_STORE).delete(DEVICE_KEY_ID));
  db.close();
}

/** What the interface may show of a key: never more than its first three and last four characters. */
export function maskKey(key: string): string {
  if (!key) return "no key";
  if (key.length <= 12) return `${"•".repeat(8)}${key.slice(-2)}`;
  return `${key.slice(0, 3)}${"•".repeat(8)}${key.slice(-4)}`;
}

async function update(change: (contents: VaultContents) => void): Promise<VaultState> {
  const state = await readVault();
  if (state.status === "locked") throw new Error("Unlock the vault first.");
  if (state.status === "unreadable") throw new Error("This browser can no longer read its saved keys: forget them and add them again.");
  const contents: VaultContents = state.status === "open" ? structuredClone(state.contents) : { providers: {}, defaultProvider: null };
  change(contents);
  await writeRecord(contents, readRecord()?.lock ?? null);
  return readVault();
}

async function writeRecord(contents: VaultContents, lock: VaultRecord["lock"]): Promise<void> {
  let plaintext = new TextEncoder().encode(JSON.stringify(contents));
  if (lock) {
    if (!passphraseKey) throw new Error("Unlock the vault first.");
    plaintext = await seal(passphraseKey, plaintext);
  }
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt({ name: "AES-GCM", iv }, await deviceKey(), plaintext);
  const record: VaultRecord = { version: 1, lock, iv: toBase64(iv), data: toBase64(new Uint8Array(data)) };
  localStorage.setItem(STORAGE_KEY, JSON.stringify(record));
}

/** Null when this browser's device key does not open the record; a wrong passphrase throws. */
async function decryptRecord(record: VaultRecord): Promise<VaultContents | null> {
  const key = await deviceKey({ create: false });
  if (!key) return null;
  const outer = await crypto.subtle.decrypt({ name: "AES-GCM", iv: fromBase64(record.iv) }, key, fromBase64(record.data)).catch(() => null);
  if (!outer) return null;
  let plaintext = new Uint8Array(outer);
  if (record.lock) plaintext = await open(passphraseKey!, plaintext);
  return JSON.parse(new TextDecoder().decode(plaintext)) as VaultContents;
}

/** AES-GCM with the IV prepended: the inner, passphrase layer. */
async function seal(key: CryptoKey, plaintext: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ciphertext = new Uint8Array(await crypto.subtle.encrypt({ name: "AES-GCM", iv }, key, plaintext as BufferSource));
  const sealed = new Uint8Array(iv.length + ciphertext.length);
  sealed.set(iv);
  sealed.set(ciphertext, iv.length);
  return sealed;
}

async function open(key: CryptoKey, sealed: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await crypto.subtle.decrypt({ name: "AES-GCM", iv: sealed.slice(0, 12) }, key, sealed.slice(12)));
}

function derivePassphraseKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  return crypto.subtle
    .importKey("raw", new TextEncoder().encode(passphrase), "PBKDF2", false, ["deriveKey"])
    .then((material) =>
      crypto.subtle.deriveKey(
        { name: "PBKDF2", hash: "SHA-256", salt: salt as BufferSource, iterations },
        material,
        { name: "AES-GCM", length: 256 },
        false,
        ["encrypt", "decrypt"],
      ),
    );
}

/** This browser's vault key: created once, non-extractable, kept in IndexedDB (which stores CryptoKeys as they are). */
async function deviceKey(options: { create: false }): Promise<CryptoKey | null>;
async function deviceKey(): Promise<CryptoKey>;
async function deviceKey({ create = true } = {}): Promise<CryptoKey | null> {
  const db = await openKeyStore();
  try {
    const existing = await request<CryptoKey | undefined>(db.transaction(IDB_STORE).objectStore(IDB_STORE).get(DEVICE_KEY_ID));
    if (existing || !create) return existing ?? null;
    const key = await crypto.subtle.generateKey({ name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"]);
    await request(db.transaction(IDB_STORE, "readwrite").objectStore(IDB_STORE).put(key, DEVICE_KEY_ID));
    return key;
  } finally {
    db.close();
  }
}

function openKeyStore(): Promise<IDBDatabase> {
  const opening = indexedDB.open(IDB_NAME, 1);
  opening.onupgradeneeded = () => opening.result.createObjectStore(IDB_STORE);
  return request(opening);
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error("IndexedDB request failed"));
  });
}

function readRecord(): VaultRecord | null {
  const raw = localStorage.getItem(STORAGE_KEY);
  if (!raw) return null;
  const record = JSON.parse(raw) as VaultRecord;
  return record.version === 1 ? record : null;
}

function toBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}
