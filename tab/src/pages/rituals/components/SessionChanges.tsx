import { useState } from "react";
import { Button, Field, Input, Subtitle2 } from "@fluentui/react-components";
import { ritualLimits, type OccurrenceChangeRequest } from "@practice-hub/shared";
import { useEnvironment } from "../../../environment";
import { useSessionStyles, type SessionPartProps } from "./sessionParts";

/** For champions: cancel this one session (with a reason) or move it. */
export function SessionChanges({ occurrence: o, communityId, busy, run }: SessionPartProps) {
  const styles = useSessionStyles();
  const { api } = useEnvironment();
  const [reason, setReason] = useState("");
  const [moveDate, setMoveDate] = useState(o.originalDate);
  const [moveTime, setMoveTime] = useState("");
  const change = (request: OccurrenceChangeRequest, done: string) =>
    run(() => api.calendar.changeOccurrence({ communityId, occurrence: o, change: request }), done);
  return (
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
          onClick={() => change({ cancelledReason: reason.trim() }, "Session cancelled.")}
        >
          Cancel session
        </Button>
      </div>
      <div className={styles.row}>
        <Field label="New date">
          <Input type="date" value={moveDate} onChange={(_e, d) => setMoveDate(d.value)} />
        </Field>
        <Field label={`New time (${o.timeZone})`}>
          <Input type="time" value={moveTime} onChange={(_e, d) => setMoveTime(d.value)} />
        </Field>
        <Button
          disabled={busy || moveTime === ""}
          onClick={() => change({ movedTo: { date: moveDate, time: moveTime } }, "Session moved.")}
        >
          Move session
        </Button>
      </div>
    </div>
  );
}
