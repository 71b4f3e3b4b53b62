import { can, type Viewer } from "./";

/** Who looks at an occurrence, as far as its buttons go. */
export interface OccurrenceViewer {
  /** Their user id; "" when nobody is looking (a job presenting the calendar). */
  userId: string;
  /** They may change the community's calendar (a champion). */
  schedules: boolean;
}

/** Nobody looking: a job presenting the calendar, or an answer that names no viewer. */
export const nobody: OccurrenceViewer = { userId: "", schedules: false };

/** The viewer of a community's occurrences, as far as their buttons go. */
export function occurrenceViewerOf(viewer: Viewer, communityId: string): OccurrenceViewer {
  return {
    userId: viewer.actor.userId,
    schedules: can(viewer, "schedule", { kind: "ritual", communityId }),
  };
}

/** The facts of one occurrence that its buttons depend on. */
export interface OccurrenceFacts {
  /** Not cancelled and not yet recorded: a swap can still be asked for or taken. */
  open: boolean;
  /** Who runs it as shown (rotation or assignment). */
  facilitatorId: string | null;
  /**
   * Who is credited with running it (recorded, assigned, or the rotation over the series'
   * history); a function because it is worth computing only when the answer depends on it.
   */
  creditedFacilitatorId: () => string | null;
  /** Who asked for a swap that is still open, when someone did. */
  swapRequesterId: string | null;
  volunteerIds: readonly string[];
}

/** The buttons the tab may show on one occurrence. */
export interface OccurrenceActions {
  canRecord: boolean;
  canAskForSwap: boolean;
  canTakeSwap: boolean;
}

/**
 * What the viewer may do to one occurrence, for the tab to show only those buttons. The same
 * rules as `can`'s record, askSwap and takeSwap, which the commands ask again on every request
 * (ritualAttendanceRecorder, ritualSwapRequester, ritualSwapAccepter): here they are answered
 * from what a calendar reader knows, without the viewer's roles.
 */
export function occurrenceActions(
  viewer: OccurrenceViewer,
  facts: OccurrenceFacts,
): OccurrenceActions {
  const { userId } = viewer;
  const volunteers = facts.volunteerIds.includes(userId);
  return {
    canRecord: viewer.schedules || (userId !== "" && facts.creditedFacilitatorId() === userId),
    canAskForSwap: facts.open && facts.swapRequesterId === null && facts.facilitatorId === userId,
    canTakeSwap: facts.swapRequesterId !== null && volunteers && facts.swapRequesterId !== userId,
  };
}
