import { z } from "zod";
import { badRequest, forbidden, type AppError } from "../errors";

/** Entra tenant ids are GUIDs; the tenant becomes part of storage keys. */
const tenantIdSchema = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);

/**
 * The part of a Bot Framework activity the service relies on before botbuilder sees it. Teams
 * puts the tenant in `conversation.tenantId` or `channelData.tenant.id` depending on the event;
 * either, when present, must be a tenant id. Other fields pass through untouched.
 */
const inboundActivitySchema = z.looseObject({
  type: z.string().min(1).max(64),
  channelId: z.string().min(1).max(64),
  serviceUrl: z.string().min(1).max(2_048),
  conversation: z.looseObject({
    id: z.string().min(1).max(1_024),
    tenantId: tenantIdSchema.optional(),
  }),
  channelData: z
    .looseObject({ tenant: z.looseObject({ id: tenantIdSchema }).optional() })
    .optional(),
});

/** The Bot Framework's name for the Microsoft Teams channel. */
const teamsChannelId = "msteams";

/**
 * Checks a POST /api/messages body before botbuilder reads it: the error to answer with, or
 * null to go on. A body that is not an activity (empty, an array, a missing type or
 * conversation, a tenant that is not a tenant id) is a 400; outside local mode an activity from
 * another channel than Teams (Web Chat, Direct Line, the Emulator) is a 403, because the bot is
 * only built and authorised for Teams. Local mode lets the Agents Playground and the Emulator in.
 */
export function inboundActivityRefusal(
  body: unknown,
  options: { teamsOnly: boolean },
): AppError | null {
  const parsed = inboundActivitySchema.safeParse(body);
  if (!parsed.success) {
    const tenantIssue = parsed.error.issues.some((issue) =>
      issue.path.some((part) => part === "tenantId" || part === "tenant"),
    );
    return badRequest(
      tenantIssue
        ? "The activity names a tenant that is not a Microsoft Entra tenant id (a GUID). Send activities as Teams sends them."
        : "The bot endpoint takes a Bot Framework activity: a JSON object with type, channelId, serviceUrl and conversation.id.",
    );
  }
  if (options.teamsOnly && parsed.data.channelId !== teamsChannelId) {
    return forbidden(
      "This bot answers Microsoft Teams only; activities from other channels are refused.",
    );
  }
  return null;
}
