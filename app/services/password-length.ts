// Shared by the browser (the forms' instant field errors) and the server (app/services/password.server.ts).

/**
 * bcrypt reads only the first 72 bytes of a password, in UTF-8, and ignores the rest: a longer one
 * would be cut without a word, so it is refused wherever a password is set or given.
 */
const PASSWORD_MAX_BYTES = 72;

export function passwordFitsBcrypt(password: string): boolean {
  return new TextEncoder().encode(password).length <= PASSWORD_MAX_BYTES;
}
