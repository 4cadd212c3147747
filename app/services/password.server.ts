import bcrypt from "bcrypt";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as english from "@zxcvbn-ts/language-en";

/** PRODUCT.md §6 promise 1: bcrypt with work factor 12. */
export const BCRYPT_COST = 12;

// A valid bcrypt hash of a random string: comparing against it when no account exists makes a
// failed login take as long as a wrong password, so timing does not reveal who has an account.
const DECOY_HASH = "$2b$12$0Fz448irgPZwbBigAxfTTOse.9fMvg.bWLu8oHGnaYYBQQS2tl8wO";

const zxcvbn = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...english.dictionary },
  graphs: common.adjacencyGraphs,
  translations: english.translations,
});

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

export function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
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
