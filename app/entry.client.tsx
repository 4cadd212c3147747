import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { TRACE_ID_ATTRIBUTE, TraceIdProvider } from "./components/trace-id";

// An error page rendered on the server shows its request's trace id; hydration must show the same one.
const traceId = document.querySelector(`[${TRACE_ID_ATTRIBUTE}]`)?.textContent ?? null;

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <TraceIdProvider value={traceId}>
        <RemixBrowser />
      </TraceIdProvider>
    </StrictMode>,
  );
});
