import { buttonClass } from "./ui/button";

const LABELS = { google: "Continue with Google", microsoft: "Continue with Microsoft" } as const;

/**
 * "Continue with Google / Microsoft" on the log-in and sign-up pages, for configured providers only.
 * Plain links (a full page load): the answer is a redirect to the provider's own site.
 */
export function OAuthButtons({ providers, redirectTo }: { providers: readonly ("google" | "microsoft")[]; redirectTo?: string | null }) {
  if (!providers.length) return null;
  const query = redirectTo && redirectTo !== "/" ? `?redirectTo=${encodeURIComponent(redirectTo)}` : "";
  return (
    <div className="mb-6 space-y-2">
      {providers.map((provider) => (
        <a key={provider} href={`/auth/${provider}${query}`} className={`${buttonClass("secondary")} w-full`}>
          {LABELS[provider]}
        </a>
      ))}
      <p className="flex items-center gap-3 pt-2 text-xs text-zinc-500 before:h-px before:flex-1 before:bg-zinc-200 after:h-px after:flex-1 after:bg-zinc-200 dark:before:bg-zinc-800 dark:after:bg-zinc-800">
        or with your email
      </p>
    </div>
  );
}
