import { expect } from "vitest";
import type { Database } from "../../../db/database";
import type { Browser, FormFields } from "../../server/testing";
import type { Lane } from "./schema";

/** Test helpers shared by the roadmap's test files. */

export async function createItem(browser: Browser, slug: string, fields: FormFields): Promise<string> {
  const response = await browser.postForm(`/w/${slug}/roadmap/new`, { lane: "now", ...fields });
  expect(response.status).toBe(302);
  return response.headers.get("location")!.split("/").pop()!;
}

/** Titles of a lane in their stored order. */
export async function laneTitles(db: Database, workspaceId: string, lane: Lane): Promise<string[]> {
  const rows = await db
    .selectFrom("roadmap_items")
    .select("title")
    .where("workspace_id", "=", workspaceId)
    .where("lane", "=", lane)
    .orderBy("position")
    .execute();
  return rows.map((row) => row.title);
}

export async function createInitiative(db: Database, workspaceId: string, title: string): Promise<string> {
  const row = await db.insertInto("initiatives").values({ workspace_id: workspaceId, title, problem: "", description: "", status: "idea" }).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

/** The order in which `titles` appear in a page's text. */
export function orderOnPage(text: string, titles: string[]): string[] {
  return titles
    .map((title) => ({ title, at: text.indexOf(title) }))
    .filter((entry) => entry.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((entry) => entry.title);
}
