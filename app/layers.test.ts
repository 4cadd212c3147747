import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve, sep } from "node:path";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";

/**
 * The layers point one way (docs/decisions/021): routes → modules → services → db, with entry points
 * (app/server, app/cli) above them all; db/ and integrations/ know no app. This reads the import
 * statements of every source file, so a wrong arrow fails here rather than in review.
 */

interface Rule {
  /** Files under this folder (from the repository root)… */
  from: string;
  /** …import nothing under these. */
  forbidden: string[];
  /** Tests and test support may reach across (a services test seeds a workspace through its module). */
  productionOnly: boolean;
}

const RULES: Rule[] = [
  { from: "db/", forbidden: ["app/", "integrations/"], productionOnly: false },
  { from: "integrations/", forbidden: ["app/", "db/"], productionOnly: false },
  { from: "app/services/", forbidden: ["app/modules/", "app/routes/", "app/server/", "app/cli/"], productionOnly: true },
  { from: "app/modules/", forbidden: ["app/routes/", "app/server/", "app/cli/"], productionOnly: true },
  { from: "app/ai/", forbidden: ["app/routes/", "app/server/", "app/cli/"], productionOnly: true },
  { from: "app/components/", forbidden: ["app/routes/", "app/server/", "app/cli/"], productionOnly: true },
];

const SOURCE = /\.(ts|tsx|js|mjs)$/;
const TEST_SUPPORT = /\.test\.tsx?$|(^|[/.-])testing([/.-]|$)/;

function sourceFiles(root: string, folder: string): string[] {
  const directory = join(root, folder);
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(root, path);
    return SOURCE.test(entry.name) ? [path.split(sep).join("/")] : [];
  });
}

/** Where each import of `source` (a file at `file`, from the root) points, from the root; packages left out. */
function importedPaths(file: string, source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.flatMap(({ fileName: specifier }) => {
    if (specifier.startsWith("~/")) return [`app/${specifier.slice(2)}`];
    if (specifier.startsWith(".")) return [join(dirname(file), specifier).split(sep).join("/")];
    return [];
  });
}

/** Every import of `source` that breaks a rule, as "file → target". */
function wrongArrows(file: string, source: string): string[] {
  const rules = RULES.filter((rule) => file.startsWith(rule.from) && !(rule.productionOnly && TEST_SUPPORT.test(file)));
  return importedPaths(file, source)
    .filter((target) => rules.some((rule) => rule.forbidden.some((folder) => `${target}/`.startsWith(folder))))
    .map((target) => `${file} → ${target}`);
}

/** Every wrong arrow in the tree at `root`, and how many files were read. */
function wrongArrowsIn(root: string): { files: number; wrong: string[] } {
  const folders = ["db", "integrations", "app"].filter((folder) => readdirSync(root).includes(folder));
  const files = folders.flatMap((folder) => sourceFiles(root, folder));
  return { files: files.length, wrong: files.flatMap((file) => wrongArrows(file, readFileSync(join(root, file), "utf8"))) };
}

describe("layers point one way", () => {
  it("no file of db/ or integrations/ imports app/, and services, modules, AI and components import no route or entry point", () => {
    const { files, wrong } = wrongArrowsIn(resolve("."));
    expect(files).toBeGreaterThan(500);
    expect(wrong).toEqual([]);
  });

  describe("the check itself", () => {
    const planted = mkdtempSync(join(tmpdir(), "bearing-layers-"));
    afterAll(() => rmSync(planted, { recursive: true, force: true }));

    it("finds an import of app/ planted in a file of db/, and one of db/ in integrations/", () => {
      mkdirSync(join(planted, "db", "cli"), { recursive: true });
      mkdirSync(join(planted, "integrations", "jira"), { recursive: true });
      writeFileSync(join(planted, "db", "cli", "seed.ts"), `import { createWorkspace } from "../../app/modules/workspaces/workspaces.server";\n`);
      writeFileSync(join(planted, "integrations", "jira", "client.ts"), `export const load = () => import("../../db/database");\n`);
      writeFileSync(join(planted, "db", "schema.ts"), `import { sql } from "kysely";\nimport type { Database } from "./database";\n`);
      expect(wrongArrowsIn(planted)).toEqual({
        files: 3,
        wrong: ["db/cli/seed.ts → app/modules/workspaces/workspaces.server", "integrations/jira/client.ts → db/database"],
      });
    });

    it("reads every form of import: multi-line, type-only, re-exports, dynamic, the ~/ alias; not comments", () => {
      const source = [
        `import type {`,
        `  Config,`,
        `  Logger,`,
        `} from "../../app/services/env.server";`,
        `export * from "../../app/modules/usage/schema";`,
        `// import { notReally } from "../../app/routes/usage";`,
      ].join("\n");
      expect(wrongArrows("integrations/slack/web-client.ts", source)).toEqual([
        "integrations/slack/web-client.ts → app/services/env.server",
        "integrations/slack/web-client.ts → app/modules/usage/schema",
      ]);
      expect(wrongArrows("app/services/retention/retention.server.ts", `import { purgeDeletedWorkspaces } from "~/modules/workspaces/workspace-deletion.server";`)).toEqual([
        "app/services/retention/retention.server.ts → app/modules/workspaces/workspace-deletion.server",
      ]);
      expect(wrongArrows("app/ai/components/forget-all-keys.client.tsx", `import type { AiKeysAction } from "~/routes/settings.ai-keys";`)).toEqual([
        "app/ai/components/forget-all-keys.client.tsx → app/routes/settings.ai-keys",
      ]);
    });

    it("lets entry points use modules, modules use services, and tests reach across", () => {
      expect(wrongArrows("app/cli/seed.ts", `import { createWorkspace } from "../modules/workspaces/workspaces.server";`)).toEqual([]);
      expect(wrongArrows("app/modules/risks/risks.server.ts", `import { AppError } from "../../services/errors.server";`)).toEqual([]);
      expect(wrongArrows("app/services/retention/retention.server.test.ts", `import { RETENTION_TASKS } from "../../server/background-jobs";`)).toEqual([]);
      // The rules for db/ and integrations/ hold for their tests too.
      expect(wrongArrows("db/database.test.ts", `import { loadConfig } from "../app/services/env.server";`)).toEqual(["db/database.test.ts → app/services/env.server"]);
    });
  });
});
