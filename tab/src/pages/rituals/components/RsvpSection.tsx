import { Button, Caption1, Subtitle2, ToggleButton } from "@fluentui/react-components";
import { rsvpResponses, type RsvpResponse } from "@practice-hub/shared";
import { useEnvironment } from "../../../environment";
import { useSessionStyles, type SessionPartProps } from "./sessionParts";

const rsvpLabels: Record<RsvpResponse, string> = {
  going: "Going",
  maybe: "Maybe",
  notGoing: "Not going",
};

/** RSVP, volunteering for the rotation, and asking for or taking a swap. */
export function RsvpSection({ occurrence: o, communityId, busy, run }: SessionPartProps) {
  const styles = useSessionStyles();
  const { api } = useEnvironment();
  return (
    <div className={styles.section} role="group" aria-label="Will you attend?">
      <Subtitle2 as="h3">Will you attend?</Subtitle2>
      <div className={styles.row}>
        {rsvpResponses.map((response) => (
          <ToggleButton
            key={response}
            checked={o.myRsvp === response}
            disabled={busy}
            onClick={() =>
              run(
                () => api.calendar.rsvp({ communityId, occurrence: o, response }),
                `You answered ${rsvpLabels[response]}.`,
              )
            }
          >
            {rsvpLabels[response]} ({o.rsvpCounts[response]})
          </ToggleButton>
        ))}
      </div>
      <Caption1>Attendance is never mandatory: answering helps the facilitator plan.</Caption1>
      <div className={styles.row}>
        {!o.viewerVolunteers && (
          <Button
            disabled={busy}
            onClick={() =>
              run(async () => {
                await api.calendar.volunteer(communityId, o.ritualId);
                return null;
              }, "You joined the facilitator rotation.")
            }
          >
            Volunteer to facilitate this ritual
          </Button>
        )}
        {/* Swaps reload the calendar: who runs the session comes from the rotation. */}
        {o.canAskForSwap && (
          <Button
            disabled={busy}
            onClick={() =>
              run(async () => {
                await api.calendar.askForSwap({ communityId, occurrence: o });
                return null;
              }, "You asked the other volunteers to swap.")
            }
          >
            I can't make it: ask for a swap
          </Button>
        )}
        {o.canTakeSwap && (
          <Button
            appearance="primary"
            disabled={busy}
            onClick={() =>
              run(async () => {
                await api.calendar.takeSwap({ communityId, occurrence: o });
                return null;
              }, "You are now facilitating this session.")
            }
          >
            Take this session
          </Button>
        )}
      </div>
    </div>
  );
}
