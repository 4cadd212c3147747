import { AppError } from "../errors.server";

/**
 * A stored secret or workspace key that cannot be decrypted: altered, moved to another row, or
 * wrapped by a master key this instance does not hold. It is an AppError, so a route that lets it
 * through shows the shared error page. Its message names the row, never the token.
 */
export class TokenVaultError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(500, "Stored credential unreadable", message, options);
    this.name = "TokenVaultError";
  }
}
