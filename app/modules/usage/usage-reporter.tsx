import { useLocation, useMatches } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { browserErrorMessage } from "./browser-error-message";
import { currentSlug, reportUsage } from "./report-usage";

/** Enough to see that a page is broken, without letting one broken page flood the table. */
const MAX_ERRORS_PER_PAGE_LOAD = 10;

/**
 * Counts client-side navigations and reports browser errors to our own origin. The first render is the
 * document the server already counted (app/entry.server.tsx), so only later navigations are reported.
 * Only the leaf route id leaves the page: the server turns it into a pattern, never an address.
 */
export function UsageReporter() {
  const location = useLocation();
  const matches = useMatches();
  const leafRouteId = matches.at(-1)?.id ?? "root";
  const routeIdRef = useRef(leafRouteId);
  routeIdRef.current = leafRouteId;
  const countedKey = useRef(location.key);

  useEffect(() => {
    if (countedKey.current === location.key) return;
    countedKey.current = location.key;
    reportUsage({ kind: "page_view", routeId: routeIdRef.current, slug: currentSlug() });
    // A new address is a new page view; a changed search (a filter) on the same page is one too.
  }, [location.key]);

  useEffect(() => {
    let reported = 0;
    const report = (reason: unknown) => {
      if (reported >= MAX_ERRORS_PER_PAGE_LOAD) return;
      const message = browserErrorMessage(reason);
      if (!message) return;
      reported += 1;
      reportUsage({ kind: "error", routeId: routeIdRef.current, slug: currentSlug(), message });
    };
    const onError = (event: ErrorEvent) => report(event.error ?? event.message);
    const onRejection = (event: PromiseRejectionEvent) => report(event.reason);
    window.addEventListener("error", onError);
    window.addEventListener("unhandledrejection", onRejection);
    return () => {
      window.removeEventListener("error", onError);
      window.removeEventListener("unhandledrejection", onRejection);
    };
  }, []);

  return null;
}
