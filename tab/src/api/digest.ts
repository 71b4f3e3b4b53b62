import {
  apiPaths,
  digestPreviewResponseSchema,
  digestSendResponseSchema,
  digestSettingsResponseSchema,
  healthSignalsResponseSchema,
  unreachableResponseSchema,
  type DigestPreviewResponse,
  type DigestSendResponse,
  type DigestSettings,
  type DigestSettingsResponse,
  type HealthSignalsResponse,
  type UnreachableResponse,
} from "@practice-hub/shared";
import { apiRequest } from "./request";

/** The Health page's calls; the shared ApiClient exposes them as `api.digest`. */
export interface DigestApi {
  healthSignals(timeZone: string): Promise<HealthSignalsResponse>;
  settings(timeZone: string): Promise<DigestSettingsResponse>;
  saveSettings(settings: DigestSettings): Promise<DigestSettingsResponse>;
  /** The exact card that would be sent now: the lead version, or a community's members' version. */
  preview(props: {
    audience: "lead" | "members";
    communityId?: string;
    timeZone: string;
  }): Promise<DigestPreviewResponse>;
  /** Where this week's members' digest of the community stands (champions). */
  sendStatus(communityId: string): Promise<DigestSendResponse>;
  /** A champion posts the members' version to the community's channel now, or again after a failure. */
  sendNow(communityId: string): Promise<DigestSendResponse>;
  /** Members and channels of the community that Teams refused messages for (champions). */
  unreachable(communityId: string): Promise<UnreachableResponse>;
}

/** Builds the digest calls over the client's token source. */
export function createDigestApi(getToken: () => Promise<string>): DigestApi {
  return {
    healthSignals: async (timeZone) =>
      apiRequest({
        method: "GET",
        path: `${apiPaths.healthSignals}?${new URLSearchParams({ timeZone }).toString()}`,
        schema: healthSignalsResponseSchema,
        token: await getToken(),
      }),
    settings: async (timeZone) =>
      apiRequest({
        method: "GET",
        path: `${apiPaths.digestSettings}?${new URLSearchParams({ timeZone }).toString()}`,
        schema: digestSettingsResponseSchema,
        token: await getToken(),
      }),
    saveSettings: async (settings) =>
      apiRequest({
        method: "PUT",
        path: apiPaths.digestSettings,
        schema: digestSettingsResponseSchema,
        body: settings,
        token: await getToken(),
      }),
    preview: async ({ audience, communityId, timeZone }) => {
      const query = new URLSearchParams({ audience, timeZone });
      if (communityId) query.set("communityId", communityId);
      return apiRequest({
        method: "GET",
        path: `${apiPaths.digestPreview}?${query.toString()}`,
        schema: digestPreviewResponseSchema,
        token: await getToken(),
      });
    },
    sendStatus: async (communityId) =>
      apiRequest({
        method: "GET",
        path: apiPaths.digestSend(communityId),
        schema: digestSendResponseSchema,
        token: await getToken(),
      }),
    sendNow: async (communityId) =>
      apiRequest({
        method: "POST",
        path: apiPaths.digestSend(communityId),
        schema: digestSendResponseSchema,
        token: await getToken(),
      }),
    unreachable: async (communityId) =>
      apiRequest({
        method: "GET",
        path: apiPaths.digestUnreachable(communityId),
        schema: unreachableResponseSchema,
        token: await getToken(),
      }),
  };
}
