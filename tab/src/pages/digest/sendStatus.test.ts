import type { DigestSendResponse } from "@practice-hub/shared";
import { sendStatusView } from "./sendStatus";

const base = { key: "digest-channel:t:c:2026-W48", week: "2026-W48" };
const when = (iso: string) => `[${iso}]`;

function viewOf(state: Partial<DigestSendResponse> & Pick<DigestSendResponse, "status">) {
  return sendStatusView({ ...base, ...state }, when);
}

describe("sendStatusView", () => {
  it("offers to send a digest that has not been posted this week", () => {
    expect(viewOf({ status: "notSent" })).toMatchObject({
      action: "Send to the channel now",
      intent: "info",
    });
  });

  it("says a queued digest is on its way and offers nothing to press again", () => {
    const view = viewOf({ status: "queued", updatedAt: "2026-11-23T09:00:00.000Z" });

    expect(view.text).toContain("on its way");
    expect(view.action).toBeNull();
  });

  it("says when a sent digest was posted, and never offers to send it again", () => {
    const view = viewOf({ status: "sent", updatedAt: "2026-11-23T09:01:00.000Z" });

    expect(view.text).toContain("was posted to the channel on [2026-11-23T09:01:00.000Z]");
    expect(view.action).toBeNull();
    expect(view.intent).toBe("success");
  });

  it("tells a failed digest from a sent one, shows Teams' answer and offers Try again", () => {
    const view = viewOf({ status: "failed", reason: "400: BadArgument" });

    expect(view.text).toContain("could not be posted");
    expect(view.detail).toBe("Teams answered: 400: BadArgument");
    expect(view.action).toBe("Try again");
    expect(view.intent).toBe("error");
  });

  it("says what to do when Teams refuses the channel, and offers Try again", () => {
    const view = viewOf({ status: "unreachable", reason: "MessageWritesBlocked" });

    expect(view.text).toContain("Add it to the team again");
    expect(view.action).toBe("Try again");
  });
});
