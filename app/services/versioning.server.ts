import { AppError } from "./errors.server";

/**
 * Raised when a save was based on an older version than the one stored: someone else saved in
 * between. Carries the stored row so the page can show both texts; nothing was overwritten.
 */
export class ConflictError<Row> extends AppError {
  constructor(readonly current: Row) {
    super(409, "Someone else changed this", "Someone saved a newer version while you were editing. Compare both versions below; nothing was overwritten.");
  }
}

/**
 * Runs an update that matches only the expected version (`... where version = $expected`) and
 * explains an empty result: the row is gone (404) or someone saved a newer version (409).
 */
export async function saveVersioned<Row>(
  update: () => Promise<Row | undefined>,
  current: () => Promise<Row | undefined>,
  what: string,
): Promise<Row> {
  const saved = await update();
  if (saved) return saved;
  const stored = await current();
  if (!stored) throw new AppError(404, "Not found", `${what} does not exist, or you do not have access to it.`);
  throw new ConflictError(stored);
}
