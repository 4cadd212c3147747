import { createContext, useContext } from "react";

/** The request's CSP nonce, provided by entry.server. Browsers hide it from the DOM, so the client sees "". */
const NonceContext = createContext("");

export const NonceProvider = NonceContext.Provider;

export function useNonce() {
  return useContext(NonceContext);
}
