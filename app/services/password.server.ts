import bcrypt from "bcrypt";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as english from "@zxcvbn-ts/language-en";
import { AppError } from "./errors.server";
import { passwordFitsBcrypt } from "./password-length";

/** PRODUCT.md §6 promise 1: bcrypt with work factor 12. */
const BCRYPT_COST = 12;

// A valid bcrypt hash of a random string: comparing against it when no account exists makes a
// failed login take as long as a wrong password, so timing does not reveal who has an account.
const DECOY_HASH = "$2b$12$0Fz448irgPZwbBigAxfTTOse.9fMvg.bWLu8oHGnaYYBQQS2tl8wO";

const zxcvbn = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...english.dictionary },
  graphs: common.adjacencyGraphs,
  translations: english.translations,
});

/**
 * bcrypt would keep only the first 72 bytes of a longer password. The forms refuse one with a field
 * message (app/modules/accounts/schema.ts); this is the last line for any other caller.
 */
export function hashPassword(password: string): Promise<string> {
  if (!passwordFitsBcrypt(password)) throw new AppError(400, "Password too long", "Use a password of at most 72 bytes.");
  return bcrypt.hash(password, BCRYPT_COST);
}

/** A password over 72 bytes never matches: bcrypt would compare only its first 72 bytes. */
export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  if (!passwordFitsBcrypt(password)) return false;
  return bcrypt.compare(password, hash ?? DECOY_HASH).then((match) => match && Boolean(hash));
}

/**
 * Refuses passwords that appear in common-password lists or are otherwise easy to guess, with the
 * reason zxcvbn gives. `related` holds the user's own name and email, which make weak passwords too.
 */
export async function passwordWeakness(password: string, related: string[] = []): Promise<string | null> {
  // Each word of a name or email counts too: "adalovelace" is as guessable as "Ada Lovelace".
  const words = related.filter(Boolean).flatMap((value) => [value, ...value.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length >= 3)]);
  const result = await zxcvbn.checkAsync(password, words);
  if (result.score >= 3) return null;
  const reason = result.feedback.warning || "It is too easy to guess.";
  const hint = result.feedback.suggestions[0];
  return hint ? `${reason} ${hint}` : reason;
}
