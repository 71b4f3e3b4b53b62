import type { DigestSendResponse } from "@practice-hub/shared";

/** What the members' digest section says about this week's post, and what it offers. */
export interface SendStatusView {
  /** A sentence a champion can act on. */
  text: string;
  /** Teams' own answer, shown below the sentence, when it refused the post. */
  detail: string | null;
  intent: "info" | "success" | "warning" | "error";
  /** The button's label, or null when there is nothing to press (on its way, or sent). */
  action: string | null;
}

/**
 * Words for where this week's members' digest stands. `when` formats an instant in the reader's
 * locale and zone. Only a failed or unreachable post offers "Try again": a sent one is never
 * posted twice, and a queued one is already on its way.
 */
export function sendStatusView(
  state: DigestSendResponse,
  when: (iso: string) => string,
): SendStatusView {
  const detail = state.reason ? `Teams answered: ${state.reason}` : null;
  switch (state.status) {
    case "notSent":
      return {
        text: "This week's digest has not been posted to the channel yet.",
        detail: null,
        intent: "info",
        action: "Send to the channel now",
      };
    case "queued":
      return {
        text: "This week's digest is on its way to the channel: it appears there within a few minutes.",
        detail: null,
        intent: "info",
        action: null,
      };
    case "sent":
      return {
        text: `This week's digest was posted to the channel${state.updatedAt ? ` on ${when(state.updatedAt)}` : ""}. The next one can go out next week.`,
        detail: null,
        intent: "success",
        action: null,
      };
    case "failed":
      return {
        text: "This week's digest could not be posted: Teams did not accept it. Try again; if it fails again, check that Practice Hub is still added to the team.",
        detail,
        intent: "error",
        action: "Try again",
      };
    case "unreachable":
      return {
        text: "Teams refuses messages to this channel: Practice Hub may have been removed from the team. Add it to the team again, then try again.",
        detail,
        intent: "warning",
        action: "Try again",
      };
  }
}
