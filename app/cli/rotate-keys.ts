// `npm run keys:rotate`: re-wraps every workspace key under the current ENCRYPTION_MASTER_KEY, while
// the app keeps running. Run it after every instance has the new key as ENCRYPTION_MASTER_KEY and
// the old one in ENCRYPTION_MASTER_KEYS_PREVIOUS (docs/decisions/010-token-vault.md). Safe to run again.
import { pathToFileURL } from "node:url";
import { ConfigError, loadConfig } from "../services/env.server";
import { masterKeyId } from "../services/token-vault/master-keys.server";
import { rewrapWorkspaceKeys } from "../services/token-vault/rotation.server";
import { reencryptTotpKeys } from "../services/two-factor/setup.server";
import { CliError, failed, openMigratedDatabase } from "./migrate";

async function main() {
  const config = loadVaultConfig();
  const { db, description, close } = await openMigratedDatabase();
  try {
    const previous = config.encryptionMasterKeysPrevious.map(masterKeyId);
    console.log(`Database: ${description}.`);
    console.log(`Current master key: ${masterKeyId(config.encryptionMasterKey)}; previous: ${previous.join(", ") || "none"}.`);

    const result = await rewrapWorkspaceKeys(db, config);
    console.log(`Workspace keys re-wrapped: ${result.rewrapped}`);
    console.log(`Already under the current master key: ${result.alreadyCurrent}`);
    if (result.changedConcurrently) console.log(`Changed by another run meanwhile (left as they are; run again): ${result.changedConcurrently}`);

    // Two-factor keys are encrypted with a key derived from the master key itself, not a workspace key.
    const totp = await reencryptTotpKeys(db, config.encryptionMasterKey, config.encryptionMasterKeysPrevious);
    console.log(`Two-factor keys re-encrypted: ${totp.reencrypted}`);
    if (totp.unreadable) console.error(`Two-factor keys no master key opens: ${totp.unreadable}`);

    if (result.unreadable.length) {
      for (const row of result.unreadable) console.error(`  ${row.reason}`);
      throw new CliError(`${result.unreadable.length} workspace key(s) could not be unwrapped; nothing else was affected. Add their master key to ENCRYPTION_MASTER_KEYS_PREVIOUS and run again.`);
    }
    if (previous.length) console.log("Every workspace key is under the current master key: ENCRYPTION_MASTER_KEYS_PREVIOUS can now be removed from every instance.");
  } finally {
    await close();
  }
}

function loadVaultConfig() {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message);
    throw error;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().then(() => process.exit(0), failed);
}
