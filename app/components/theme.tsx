import { useEffect, useState } from "react";

export type Theme = "light" | "dark" | "system";
const STORAGE_KEY = "bearing.theme";

/**
 * Runs before the first paint (inline, with the CSP nonce) so a dark-theme user never sees a white
 * flash. The preference lives in localStorage, not a cookie (PRODUCT.md §6 promise 6).
 */
export const themeScript = `(function(){try{var t=localStorage.getItem("${STORAGE_KEY}");var d=t==="dark"||((!t||t==="system")&&matchMedia("(prefers-color-scheme: dark)").matches);document.documentElement.classList.toggle("dark",d)}catch(e){}})()`;

function apply(theme: Theme) {
  const dark = theme === "dark" || (theme === "system" && matchMedia("(prefers-color-scheme: dark)").matches);
  document.documentElement.classList.toggle("dark", dark);
}

export function ThemeSwitcher() {
  const [theme, setTheme] = useState<Theme | null>(null);
  useEffect(() => setTheme((localStorage.getItem(STORAGE_KEY) as Theme | null) ?? "system"), []);
  if (!theme) return null; // Without JavaScript there is nowhere to keep the choice.
  return (
    <label className="flex items-center gap-2 text-xs text-zinc-500 dark:text-zinc-400">
      <span>Theme</span>
      <select
        aria-label="Theme"
        className="rounded-md border border-zinc-300 bg-transparent px-1.5 py-1 text-xs dark:border-zinc-700"
        value={theme}
        onChange={(event) => {
          const next = event.target.value as Theme;
          localStorage.setItem(STORAGE_KEY, next);
          setTheme(next);
          apply(next);
        }}
      >
        <option value="system">System</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </label>
  );
}
