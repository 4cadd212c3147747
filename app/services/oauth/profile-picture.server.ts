import type { Logger } from "../logger.server";

// Google's and Microsoft's 96 px pictures weigh a few KB; anything far larger is not a profile picture.
const MAX_PICTURE_BYTES = 100 * 1024;
const PICTURE_TYPES = new Set(["image/jpeg", "image/png", "image/gif", "image/webp"]);

/**
 * The provider's profile picture as a `data:` URL, fetched once by the server at sign-in. Pages
 * then never load an image from the provider's host: the CSP allows only our origin and `data:`
 * images, and no request may leave the browser for another host (privacy promise 5).
 * A missing or odd picture is not a reason to fail a sign-in: the answer is then null.
 */
export async function fetchPictureAsDataUrl(url: string, init: RequestInit, logger: Logger): Promise<string | null> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, redirect: "follow", signal: AbortSignal.timeout(5000) });
  } catch (error) {
    logger.warn({ err: error }, "profile picture unreachable; signing in without it");
    return null;
  }
  const type = (response.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (!response.ok || !PICTURE_TYPES.has(type)) {
    await response.body?.cancel();
    if (response.status !== 404) logger.warn({ status: response.status, type }, "profile picture not usable; signing in without it");
    return null;
  }
  const bytes = Buffer.from(await response.arrayBuffer());
  if (bytes.length > MAX_PICTURE_BYTES) {
    logger.warn({ bytes: bytes.length }, "profile picture too large; signing in without it");
    return null;
  }
  return `data:${type};base64,${bytes.toString("base64")}`;
}
