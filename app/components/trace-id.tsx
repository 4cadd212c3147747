import { createContext, useContext } from "react";

/**
 * The request id of the document being shown: the trace id an error page gives as its reference, which
 * matches the server's log line and usage error row. entry.server provides it; entry.client reads it back
 * from the error page it hydrates, so both renders agree.
 */
const TraceIdContext = createContext<string | null>(null);

export const TraceIdProvider = TraceIdContext.Provider;

export function useTraceId() {
  return useContext(TraceIdContext);
}

/** The attribute of the element the reference is rendered in (error-boundary.tsx), read by entry.client. */
export const TRACE_ID_ATTRIBUTE = "data-trace-id";
