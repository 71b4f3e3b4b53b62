import { useState } from "react";
import {
  Button,
  Caption1,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Link,
  makeStyles,
  Subtitle2,
  Text,
  Textarea,
  tokens,
  ToggleButton,
} from "@fluentui/react-components";
import {
  ritualLimits,
  rsvpResponses,
  type ApiError,
  type Community,
  type LocalDate,
  type Occurrence,
  type RsvpResponse,
} from "@practice-hub/shared";
import { apiErrorOf } from "../../../api/errors";
import { useAnnounce } from "../../../components/Announcer";
import { ErrorState } from "../../../components/ErrorState";
import { useEnvironment } from "../../../environment";
import { facilitatorSentence, sessionTimeLine, swapSentence } from "../calendarView";

const useStyles = makeStyles({
  section: { display: "grid", gap: tokens.spacingVerticalS, marginBlock: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", alignItems: "end", gap: tokens.spacingHorizontalS },
});

const rsvpLabels: Record<RsvpResponse, string> = {
  going: "Going",
  maybe: "Maybe",
  notGoing: "Not going",
};

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
  const styles = useStyles();
  const { api, host } = useEnvironment();
  const announce = useAnnounce();
  const o = props.occurrence;
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [reason, setReason] = useState("");
  const [moveDate, setMoveDate] = useState(o.originalDate);
  const [moveTime, setMoveTime] = useState("");
  const [notes, setNotes] = useState(o.attendance?.notes ?? "");
  const [recordingUrl, setRecordingUrl] = useState(o.attendance?.recordingUrl ?? "");
  const [attendees, setAttendees] = useState<string[]>(
    o.attendance?.attendeeIds ??
      o.responses.filter((r) => r.response === "going").map((r) => r.person.id),
  );
  const past = Date.parse(o.start) < Date.now();
  const communityId = props.community.id;

  async function run(action: () => Promise<Occurrence | null>, done: string) {
    setBusy(true);
    setError(null);
    try {
      const next = await action();
      if (next) props.onChanged(next);
      else props.onReload();
      announce(done);
    } catch (caught) {
      setError(apiErrorOf(caught));
    } finally {
      setBusy(false);
    }
  }

  const when = sessionTimeLine({
    start: o.start,
    viewerZone: host.timeZone,
    ritualZone: o.timeZone,
    locale: host.locale,
  });
  const people = new Map(o.responses.map((r) => [r.person.id, r.person.displayName]));
  if (o.facilitator) people.set(o.facilitator.person.id, o.facilitator.person.displayName);

  return (
    <Dialog open onOpenChange={(_e, d) => !d.open && props.onClose()}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>{o.ritualName}</DialogTitle>
          <DialogContent>
            <Text block>{when}</Text>
            {o.segment && <Caption1 block>For {o.segment}</Caption1>}
            {o.status === "cancelled" && <Text block>Cancelled: {o.cancelledReason}</Text>}
            {o.status === "moved" && (
              <Text block>Moved from its usual day ({o.originalDate}).</Text>
            )}
            <Text block>
              {facilitatorSentence(o, props.today) ?? "Nobody is lined up to facilitate yet."}
            </Text>
            {o.status !== "cancelled" && swapSentence(o) && <Text block>{swapSentence(o)}</Text>}
            {error && <ErrorState title="That did not work" error={error} />}

            {o.status !== "cancelled" && !past && (
              <div className={styles.section} role="group" aria-label="Will you attend?">
                <Subtitle2 as="h3">Will you attend?</Subtitle2>
                <div className={styles.row}>
                  {rsvpResponses.map((response) => (
                    <ToggleButton
                      key={response}
                      checked={o.myRsvp === response}
                      disabled={busy}
                      onClick={() =>
                        void run(
                          () => api.calendar.rsvp({ communityId, occurrence: o, response }),
                          `You answered ${rsvpLabels[response]}.`,
                        )
                      }
                    >
                      {rsvpLabels[response]} ({o.rsvpCounts[response]})
                    </ToggleButton>
                  ))}
                </div>
                <Caption1>
                  Attendance is never mandatory: answering helps the facilitator plan.
                </Caption1>
                <div className={styles.row}>
                  {!o.viewerVolunteers && (
                    <Button
                      disabled={busy}
                      onClick={() =>
                        void run(async () => {
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
                        void run(async () => {
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
                        void run(async () => {
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
            )}

            {props.canSchedule && !past && (
              <div className={styles.section}>
                <Subtitle2 as="h3">Change this session only</Subtitle2>
                <div className={styles.row}>
                  <Field label="Reason for cancelling">
                    <Input
                      value={reason}
                      maxLength={ritualLimits.ritualCancelReason}
                      onChange={(_e, d) => setReason(d.value)}
                    />
                  </Field>
                  <Button
                    disabled={busy || reason.trim() === ""}
                    onClick={() =>
                      void run(
                        () =>
                          api.calendar.changeOccurrence({
                            communityId,
                            occurrence: o,
                            change: { cancelledReason: reason.trim() },
                          }),
                        "Session cancelled.",
                      )
                    }
                  >
                    Cancel session
                  </Button>
                </div>
                <div className={styles.row}>
                  <Field label="New date">
                    <Input
                      type="date"
                      value={moveDate}
                      onChange={(_e, d) => setMoveDate(d.value)}
                    />
                  </Field>
                  <Field label={`New time (${o.timeZone})`}>
                    <Input
                      type="time"
                      value={moveTime}
                      onChange={(_e, d) => setMoveTime(d.value)}
                    />
                  </Field>
                  <Button
                    disabled={busy || moveTime === ""}
                    onClick={() =>
                      void run(
                        () =>
                          api.calendar.changeOccurrence({
                            communityId,
                            occurrence: o,
                            change: { movedTo: { date: moveDate, time: moveTime } },
                          }),
                        "Session moved.",
                      )
                    }
                  >
                    Move session
                  </Button>
                </div>
              </div>
            )}

            {past && o.attendance && (
              <div className={styles.section}>
                <Subtitle2 as="h3">After the session</Subtitle2>
                <Text>{o.attendance.count} attended.</Text>
                {o.attendance.notes && <Text>{o.attendance.notes}</Text>}
                {o.attendance.recordingUrl && (
                  <Link href={o.attendance.recordingUrl} target="_blank" rel="noreferrer">
                    Watch the recording
                  </Link>
                )}
              </div>
            )}

            {past && o.canRecord && o.status !== "cancelled" && (
              <div className={styles.section}>
                <Subtitle2 as="h3">Record the session</Subtitle2>
                <div role="group" aria-label="Who attended">
                  {[...people.entries()].map(([id, name]) => (
                    <Checkbox
                      key={id}
                      label={name}
                      checked={attendees.includes(id)}
                      onChange={(_e, d) =>
                        setAttendees(
                          d.checked ? [...attendees, id] : attendees.filter((a) => a !== id),
                        )
                      }
                    />
                  ))}
                </div>
                <Field label="Notes">
                  <Textarea
                    value={notes}
                    maxLength={ritualLimits.sessionNotes}
                    onChange={(_e, d) => setNotes(d.value)}
                  />
                </Field>
                <Field label="Recording link (https)">
                  <Input
                    type="url"
                    value={recordingUrl}
                    maxLength={ritualLimits.recordingUrl}
                    onChange={(_e, d) => setRecordingUrl(d.value)}
                  />
                </Field>
                <Button
                  appearance="primary"
                  disabled={busy}
                  onClick={() =>
                    void run(
                      () =>
                        api.calendar.recordAttendance({
                          communityId,
                          occurrence: o,
                          attendance: {
                            attendeeIds: attendees,
                            notes,
                            recordingUrl: recordingUrl.trim() === "" ? null : recordingUrl.trim(),
                          },
                        }),
                      "Attendance saved.",
                    )
                  }
                >
                  Save attendance
                </Button>
              </div>
            )}
          </DialogContent>
          <DialogActions>
            <Button
              onClick={() =>
                void api.calendar.occurrenceFile(communityId, o).then(
                  (file) => {
                    const link = document.createElement("a");
                    link.href = URL.createObjectURL(file);
                    link.download = `${o.ritualName}-${o.originalDate}.ics`;
                    link.click();
                    URL.revokeObjectURL(link.href);
                  },
                  (caught: unknown) => setError(apiErrorOf(caught)),
                )
              }
            >
              Add to my calendar (.ics)
            </Button>
            <Button onClick={props.onClose}>Close</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
