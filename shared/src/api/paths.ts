/**
 * URL paths of the API, declared once as templates with `:name` placeholders. The tab's client
 * fills them (`apiPaths`), and the service's router mounts the same templates (`routePattern`),
 * so a path cannot differ between the two.
 */
export const apiPathTemplates = {
  health: "/healthz",
  publicConfig: "/api/public-config",
  devToken: "/api/dev/token",
  devPeople: "/api/dev/people",
  me: "/api/me",
  communities: "/api/communities",
  communityChannel: "/api/communities/:communityId/channel",
  canvas: "/api/communities/:communityId/canvas",
  canvasSection: "/api/communities/:communityId/canvas/sections/:sectionId",
  canvasHistory: "/api/communities/:communityId/canvas/history",
  canvasReview: "/api/communities/:communityId/canvas/review",
  library: "/api/communities/:communityId/library",
  libraryResources: "/api/communities/:communityId/library/resources",
  libraryDecision: "/api/communities/:communityId/library/resources/:resourceId/decision",
  handbook: "/api/communities/:communityId/library/handbook",
  handbookEntry: "/api/communities/:communityId/library/handbook/:entryId",
  people: "/api/communities/:communityId/people",
  peopleChanges: "/api/communities/:communityId/people/changes",
  personRoles: "/api/communities/:communityId/people/:userId/roles",
  digestSettings: "/api/digest/settings",
  digestPreview: "/api/digest/preview",
  healthSignals: "/api/health-signals",
  digestSend: "/api/communities/:communityId/digest/send",
  digestUnreachable: "/api/communities/:communityId/digest/unreachable",
  rituals: "/api/communities/:communityId/rituals",
  ritual: "/api/communities/:communityId/rituals/:ritualId",
  starterRhythm: "/api/communities/:communityId/rituals/starter-rhythm",
  ritualVolunteer: "/api/communities/:communityId/rituals/:ritualId/volunteers/me",
  occurrences: "/api/communities/:communityId/occurrences",
  occurrence: "/api/communities/:communityId/rituals/:ritualId/occurrences/:date",
  occurrenceRsvp: "/api/communities/:communityId/rituals/:ritualId/occurrences/:date/rsvp",
  occurrenceAttendance:
    "/api/communities/:communityId/rituals/:ritualId/occurrences/:date/attendance",
  occurrenceSwapRequest:
    "/api/communities/:communityId/rituals/:ritualId/occurrences/:date/swap-request",
  occurrenceSwapAcceptance:
    "/api/communities/:communityId/rituals/:ritualId/occurrences/:date/swap-request/acceptance",
  retros: "/api/communities/:communityId/retros",
  retro: "/api/communities/:communityId/retros/:retroId",
  retroEntries: "/api/communities/:communityId/retros/:retroId/entries",
  retroEntryHide: "/api/communities/:communityId/retros/:retroId/entries/:entryId/hide",
  retroThemes: "/api/communities/:communityId/retros/:retroId/themes",
  retroVotes: "/api/communities/:communityId/retros/:retroId/votes",
  retroPhase: "/api/communities/:communityId/retros/:retroId/phase",
  retroActions: "/api/communities/:communityId/retros/:retroId/actions",
  retroAction: "/api/communities/:communityId/retro-actions/:actionId",
  retroActionStatus: "/api/communities/:communityId/retro-actions/:actionId/status",
  ritualTemplates: "/api/ritual-templates",
  calendarFeed: "/api/communities/:communityId/calendar-feed",
  calendarFeedFile: "/api/feeds/:tenantId/:communityId/:token/calendar.ics",
  occurrenceIcs: "/api/communities/:communityId/rituals/:ritualId/occurrences/:date/calendar.ics",
  botMessages: "/api/messages",
} as const;

/** The placeholder names of a path template: "/a/:x/b/:y" gives "x" | "y". */
export type PathParamNames<T extends string> = T extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParamNames<`/${Rest}`>
  : T extends `${string}:${infer Name}`
    ? Name
    : never;

/** A template with each placeholder replaced by its value, URL-encoded. */
export function fillPath<T extends string>(
  template: T,
  params: Record<PathParamNames<T>, string>,
): string {
  const values: Record<string, string> = params;
  return template.replace(/:([A-Za-z]+)/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`path ${template} needs a value for ${name}`);
    return encodeURIComponent(value);
  });
}

/** The express pattern of a template under the router mounted at /api ("/communities/:communityId"). */
export function routePattern(template: string): string {
  return template.startsWith("/api/") ? template.slice("/api".length) : template;
}

const t = apiPathTemplates;

/** The API's paths for the tab's client, filled from `apiPathTemplates`. */
export const apiPaths = {
  health: t.health,
  publicConfig: t.publicConfig,
  devToken: t.devToken,
  devPeople: t.devPeople,
  me: t.me,
  communities: t.communities,
  communityChannel: (communityId: string) => fillPath(t.communityChannel, { communityId }),
  canvas: (communityId: string) => fillPath(t.canvas, { communityId }),
  canvasSection: (communityId: string, sectionId: string) =>
    fillPath(t.canvasSection, { communityId, sectionId }),
  canvasHistory: (communityId: string) => fillPath(t.canvasHistory, { communityId }),
  canvasReview: (communityId: string) => fillPath(t.canvasReview, { communityId }),
  library: (communityId: string) => fillPath(t.library, { communityId }),
  libraryResources: (communityId: string) => fillPath(t.libraryResources, { communityId }),
  libraryDecision: (communityId: string, resourceId: string) =>
    fillPath(t.libraryDecision, { communityId, resourceId }),
  handbook: (communityId: string) => fillPath(t.handbook, { communityId }),
  handbookEntry: (communityId: string, entryId: string) =>
    fillPath(t.handbookEntry, { communityId, entryId }),
  people: (communityId: string) => fillPath(t.people, { communityId }),
  peopleChanges: (communityId: string) => fillPath(t.peopleChanges, { communityId }),
  personRoles: (communityId: string, userId: string) =>
    fillPath(t.personRoles, { communityId, userId }),
  digestSettings: t.digestSettings,
  digestPreview: t.digestPreview,
  healthSignals: t.healthSignals,
  digestSend: (communityId: string) => fillPath(t.digestSend, { communityId }),
  digestUnreachable: (communityId: string) => fillPath(t.digestUnreachable, { communityId }),
  rituals: (communityId: string) => fillPath(t.rituals, { communityId }),
  ritual: (communityId: string, ritualId: string) => fillPath(t.ritual, { communityId, ritualId }),
  starterRhythm: (communityId: string) => fillPath(t.starterRhythm, { communityId }),
  ritualVolunteer: (communityId: string, ritualId: string) =>
    fillPath(t.ritualVolunteer, { communityId, ritualId }),
  occurrences: (communityId: string) => fillPath(t.occurrences, { communityId }),
  occurrence: (communityId: string, ritualId: string, date: string) =>
    fillPath(t.occurrence, { communityId, ritualId, date }),
  occurrenceRsvp: (communityId: string, ritualId: string, date: string) =>
    fillPath(t.occurrenceRsvp, { communityId, ritualId, date }),
  occurrenceAttendance: (communityId: string, ritualId: string, date: string) =>
    fillPath(t.occurrenceAttendance, { communityId, ritualId, date }),
  occurrenceSwapRequest: (communityId: string, ritualId: string, date: string) =>
    fillPath(t.occurrenceSwapRequest, { communityId, ritualId, date }),
  occurrenceSwapAcceptance: (communityId: string, ritualId: string, date: string) =>
    fillPath(t.occurrenceSwapAcceptance, { communityId, ritualId, date }),
  retros: (communityId: string) => fillPath(t.retros, { communityId }),
  retro: (communityId: string, retroId: string) => fillPath(t.retro, { communityId, retroId }),
  retroEntries: (communityId: string, retroId: string) =>
    fillPath(t.retroEntries, { communityId, retroId }),
  retroEntryHide: (communityId: string, retroId: string, entryId: string) =>
    fillPath(t.retroEntryHide, { communityId, retroId, entryId }),
  retroThemes: (communityId: string, retroId: string) =>
    fillPath(t.retroThemes, { communityId, retroId }),
  retroVotes: (communityId: string, retroId: string) =>
    fillPath(t.retroVotes, { communityId, retroId }),
  retroPhase: (communityId: string, retroId: string) =>
    fillPath(t.retroPhase, { communityId, retroId }),
  retroActions: (communityId: string, retroId: string) =>
    fillPath(t.retroActions, { communityId, retroId }),
  retroAction: (communityId: string, actionId: string) =>
    fillPath(t.retroAction, { communityId, actionId }),
  retroActionStatus: (communityId: string, actionId: string) =>
    fillPath(t.retroActionStatus, { communityId, actionId }),
  ritualTemplates: t.ritualTemplates,
  calendarFeed: (communityId: string) => fillPath(t.calendarFeed, { communityId }),
  occurrenceIcs: (communityId: string, ritualId: string, date: string) =>
    fillPath(t.occurrenceIcs, { communityId, ritualId, date }),
  botMessages: t.botMessages,
} as const;
