// ESLint 9 flat config: JavaScript and typescript-eslint recommended rules everywhere, the rules of
// hooks for the React code in app/. Type checking itself is `npm run typecheck`.
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: ["build/", "public/build/", "node_modules/", ".data/", ".cache/", "e2e/.artifacts/", "test-results/", "playwright-report/"],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: "module",
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // An underscore marks a parameter a signature requires but the body does not use (Express's
      // four-argument error handler, for one).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    // Migrations are typed Kysely<any> on purpose (STYLE.md): they stay frozen in time while
    // db/schema.ts moves on, and the migrator runs them against any schema.
    files: ["db/migrations/**/*.ts", "db/migrator.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { "react-hooks": reactHooks },
    rules: { ...reactHooks.configs.recommended.rules, "react-hooks/exhaustive-deps": "error" },
  },
);
