import { useNavigation } from "@remix-run/react";

/**
 * Whether this page is sending a form, so that its button can say so and cannot be pressed twice.
 * `intent` narrows it to one form of a page that has several (the security page's password form);
 * `state: "non-idle"` keeps it pending until the page has reloaded with the answer, not only while sending.
 */
export function useIsPending({ intent, state = "submitting" }: { intent?: string; state?: "submitting" | "non-idle" } = {}): boolean {
  const navigation = useNavigation();
  const pending = state === "submitting" ? navigation.state === "submitting" : navigation.state !== "idle";
  // formData is there only while a form's navigation is under way (sending it, then loading the answer).
  return pending && navigation.formData !== undefined && (intent === undefined || navigation.formData.get("intent") === intent);
}
