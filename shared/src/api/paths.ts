/** URL paths of the API, shared by the tab's client and the service's router. */
export const apiPaths = {
  health: "/healthz",
  publicConfig: "/api/public-config",
  devToken: "/api/dev/token",
  devPeople: "/api/dev/people",
  me: "/api/me",
  communities: "/api/communities",
  communityChannel: (communityId: string) =>
    `/api/communities/${encodeURIComponent(communityId)}/channel`,
  canvas: (communityId: string) => `/api/communities/${encodeURIComponent(communityId)}/canvas`,
  canvasSection: (communityId: string, sectionId: string) =>
    `/api/communities/${encodeURIComponent(communityId)}/canvas/sections/${encodeURIComponent(sectionId)}`,
  canvasHistory: (communityId: string) =>
    `/api/communities/${encodeURIComponent(communityId)}/canvas/history`,
  canvasReview: (communityId: string) =>
    `/api/communities/${encodeURIComponent(communityId)}/canvas/review`,
  library: (communityId: string) => `/api/communities/${encodeURIComponent(communityId)}/library`,
  libraryResources: (communityId: string) =>
    `/api/communities/${encodeURIComponent(communityId)}/library/resources`,
  libraryDecision: (communityId: string, resourceId: string) =>
    `/api/communities/${encodeURIComponent(communityId)}/library/resources/${encodeURIComponent(resourceId)}/decision`,
  handbook: (communityId: string) =>
    `/api/communities/${encodeURIComponent(communityId)}/library/handbook`,
  handbookEntry: (communityId: string, entryId: string) =>
    `/api/communities/${encodeURIComponent(communityId)}/library/handbook/${encodeURIComponent(entryId)}`,
  people: (communityId: string) => `/api/communities/${encodeURIComponent(communityId)}/people`,
  personRoles: (communityId: string, userId: string) =>
    `/api/communities/${encodeURIComponent(communityId)}/people/${encodeURIComponent(userId)}/roles`,
  digestSettings: "/api/digest/settings",
  digestPreview: "/api/digest/preview",
  healthSignals: "/api/health-signals",
  digestSend: (communityId: string) =>
    `/api/communities/${encodeURIComponent(communityId)}/digest/send`,
  digestUnreachable: (communityId: string) =>
    `/api/communities/${encodeURIComponent(communityId)}/digest/unreachable`,
  rituals: (communityId: string) => `/api/communities/${encodeURIComponent(communityId)}/rituals`,
  ritual: (communityId: string, ritualId: string) =>
    `/api/communities/${encodeURIComponent(communityId)}/rituals/${encodeURIComponent(ritualId)}`,
  starterRhythm: (communityId: string) =>
    `/api/communities/${encodeURIComponent(communityId)}/rituals/starter-rhythm`,
  ritualVolunteer: (communityId: string, ritualId: string) =>
    `/api/communities/${encodeURIComponent(communityId)}/rituals/${encodeURIComponent(ritualId)}/volunteers/me`,
  occurrences: (communityId: string) =>
    `/api/communities/${encodeURIComponent(communityId)}/occurrences`,
  occurrence: (communityId: string, ritualId: string, date: string) =>
    `/api/communities/${encodeURIComponent(communityId)}/rituals/${encodeURIComponent(ritualId)}/occurrences/${encodeURIComponent(date)}`,
  occurrenceRsvp: (communityId: string, ritualId: string, date: string) =>
    `/api/communities/${encodeURIComponent(communityId)}/rituals/${encodeURIComponent(ritualId)}/occurrences/${encodeURIComponent(date)}/rsvp`,
  occurrenceAttendance: (communityId: string, ritualId: string, date: string) =>
    `/api/communities/${encodeURIComponent(communityId)}/rituals/${encodeURIComponent(ritualId)}/occurrences/${encodeURIComponent(date)}/attendance`,
  occurrenceSwapRequest: (communityId: string, ritualId: string, date: string) =>
    `/api/communities/${encodeURIComponent(communityId)}/rituals/${encodeURIComponent(ritualId)}/occurrences/${encodeURIComponent(date)}/swap-request`,
  occurrenceSwapAcceptance: (communityId: string, ritualId: string, date: string) =>
    `/api/communities/${encodeURIComponent(communityId)}/rituals/${encodeURIComponent(ritualId)}/occurrences/${encodeURIComponent(date)}/swap-request/acceptance`,
  retros: (communityId: string) => `/api/communities/${encodeURIComponent(communityId)}/retros`,
  retro: (communityId: string, retroId: string) =>
    `/api/communities/${encodeURIComponent(communityId)}/retros/${encodeURIComponent(retroId)}`,
  retroAction: (communityId: string, actionId: string) =>
    `/api/communities/${encodeURIComponent(communityId)}/retro-actions/${encodeURIComponent(actionId)}`,
  calendarFeed: (communityId: string) =>
    `/api/communities/${encodeURIComponent(communityId)}/calendar-feed`,
  occurrenceIcs: (communityId: string, ritualId: string, date: string) =>
    `/api/communities/${encodeURIComponent(communityId)}/rituals/${encodeURIComponent(ritualId)}/occurrences/${encodeURIComponent(date)}/calendar.ics`,
  botMessages: "/api/messages",
} as const;
