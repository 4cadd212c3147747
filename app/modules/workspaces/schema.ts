import { z } from "zod";
import { emailField } from "../accounts/schema";
import { INVITABLE_ROLES, ROLES } from "./roles";

const workspaceNameField = z
  .string({ error: "Name your workspace." })
  .trim()
  .min(2, "Use at least 2 characters.")
  .max(60, "Use at most 60 characters.");

const slugField = z
  .string({ error: "Choose an address." })
  .trim()
  .toLowerCase()
  .min(2, "Use at least 2 characters.")
  .max(48, "Use at most 48 characters.")
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Use lowercase letters, digits and single hyphens.");

export const createWorkspaceSchema = z.object({ name: workspaceNameField });

export const workspaceSettingsSchema = z.object({ name: workspaceNameField, slug: slugField });

export const inviteSchema = z.object({
  intent: z.literal("invite"),
  email: emailField,
  role: z.enum(INVITABLE_ROLES, { error: "Choose a role." }),
});

export const changeRoleSchema = z.object({
  intent: z.literal("change-role"),
  userId: z.uuid(),
  role: z.enum(ROLES as [string, ...string[]], { error: "Choose a role." }),
});

/** Deleting a workspace: its name, typed exactly, is the confirmation. */
export function deleteWorkspaceSchema(workspaceName: string) {
  return z.object({
    intent: z.literal("delete-workspace"),
    confirmName: z
      .string({ error: "Type the workspace name to confirm." })
      .trim()
      .refine((value) => value === workspaceName, "That is not this workspace’s name. Type it exactly as shown above."),
  });
}
