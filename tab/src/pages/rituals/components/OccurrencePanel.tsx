import { Button, Caption1, Text } from "@fluentui/react-components";
import { ModalDialog } from "../../../components/ModalDialog";
import type { Community, LocalDate, Occurrence } from "@practice-hub/shared";
import { ErrorState } from "../../../components/ErrorState";
import { useAction } from "../../../components/useAction";
import { useEnvironment } from "../../../environment";
import { facilitatorSentence, sessionTimeLine, swapSentence } from "../calendarView";
import { AttendanceSection } from "./AttendanceSection";
import { RsvpSection } from "./RsvpSection";
import { SessionChanges } from "./SessionChanges";
import type { SessionPartProps } from "./sessionParts";

/**
 * One session: when it is in the viewer's zone (and the ritual's, when they differ), who runs it
 * and why, RSVP, volunteering; the facilitator can ask for a swap and another volunteer can take
 * it; champions can cancel or move it; afterwards the facilitator records attendance, notes and
 * the recording link.
 */
export function OccurrencePanel(props: {
  community: Community;
  occurrence: Occurrence;
  canSchedule: boolean;
  today: LocalDate;
  onChanged(occurrence: Occurrence): void;
  onReload(): void;
  onClose(): void;
}) {
  const { api, host } = useEnvironment();
  const action = useAction();
  const o = props.occurrence;
  const past = Date.parse(o.start) < Date.now();
  const communityId = props.community.id;
  const run: SessionPartProps["run"] = (work, done) =>
    void action.run(async () => {
      const next = await work();
      if (next) props.onChanged(next);
      else props.onReload();
    }, done);
  const part: SessionPartProps = { occurrence: o, communityId, busy: action.busy, run };

  const when = sessionTimeLine({
    start: o.start,
    viewerZone: host.timeZone,
    ritualZone: o.timeZone,
    locale: host.locale,
  });

  return (
    <ModalDialog
      title={o.ritualName}
      onClose={props.onClose}
      surface={{ "aria-describedby": undefined }}
      actions={
        <>
          <Button
            onClick={() =>
              void api.calendar.occurrenceFile(communityId, o).then((file) => {
                const link = document.createElement("a");
                link.href = URL.createObjectURL(file);
                link.download = `${o.ritualName}-${o.originalDate}.ics`;
                link.click();
                URL.revokeObjectURL(link.href);
              }, action.fail)
            }
          >
            Add to my calendar (.ics)
          </Button>
          <Button onClick={props.onClose}>Close</Button>
        </>
      }
    >
      <Text block>{when}</Text>
      {o.segment && <Caption1 block>For {o.segment}</Caption1>}
      {o.status === "cancelled" && <Text block>Cancelled: {o.cancelledReason}</Text>}
      {o.status === "moved" && <Text block>Moved from its usual day ({o.originalDate}).</Text>}
      <Text block>
        {facilitatorSentence(o, props.today) ?? "Nobody is lined up to facilitate yet."}
      </Text>
      {o.status !== "cancelled" && swapSentence(o) && <Text block>{swapSentence(o)}</Text>}
      {action.error && <ErrorState title="That did not work" error={action.error} />}
      {o.status !== "cancelled" && !past && <RsvpSection {...part} />}
      {props.canSchedule && !past && <SessionChanges {...part} />}
      {past && <AttendanceSection {...part} />}
    </ModalDialog>
  );
}
