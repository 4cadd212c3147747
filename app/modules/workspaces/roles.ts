import type { Role } from "../../../db/schema";

export type { Role };
export const ROLES: readonly Role[] = ["owner", "admin", "editor", "viewer"];
export const INVITABLE_ROLES = ["admin", "editor", "viewer"] as const;

const RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2, owner: 3 };

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  owner: "Everything, including the workspace itself and its owners",
  admin: "Members, integrations and settings, and all product data",
  editor: "Creates and edits product data",
  viewer: "Reads everything, changes nothing",
};

export function atLeast(role: Role, minimum: Role): boolean {
  return RANK[role] >= RANK[minimum];
}

/** Admins manage admins, editors and viewers; only owners touch owners or make new ones. */
export function canAssign(actor: Role, from: Role, to: Role): boolean {
  if (!atLeast(actor, "admin")) return false;
  if (actor === "owner") return true;
  return from !== "owner" && to !== "owner";
}
