/** The privacy page's own form intents (the sessions list posts the security page's). */
export const PRIVACY_INTENTS = { disconnect: "disconnect-integration", forgetEndpoints: "forget-endpoints" } as const;
