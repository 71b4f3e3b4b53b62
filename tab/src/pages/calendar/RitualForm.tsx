import { useState } from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  Select,
  Text,
  tokens,
} from "@fluentui/react-components";
import {
  ritualCatalogue,
  ritualLimits,
  ritualTemplate,
  weekdayCodes,
  type ApiError,
  type Community,
  type LocalDate,
  type Recurrence,
  type RitualTemplateId,
  type WeekdayCode,
} from "@practice-hub/shared";
import { apiErrorOf } from "../../api/errors";
import { useAnnounce } from "../../components/Announcer";
import { ErrorState } from "../../components/ErrorState";
import { useEnvironment } from "../../environment";

const useStyles = makeStyles({
  form: { display: "grid", gap: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

const weekdayNames: Record<WeekdayCode, string> = {
  MO: "Monday",
  TU: "Tuesday",
  WE: "Wednesday",
  TH: "Thursday",
  FR: "Friday",
  SA: "Saturday",
  SU: "Sunday",
};

type Kind = Recurrence["kind"];

/**
 * Creates a ritual from a catalogue template (or from scratch), or the whole starter rhythm in
 * one step. Times are entered in the ritual's own zone, which defaults to the viewer's.
 */
export function RitualForm(props: {
  community: Community;
  timeZone: string;
  today: LocalDate;
  onCreated(): void;
  onClose(): void;
}) {
  const styles = useStyles();
  const { api } = useEnvironment();
  const announce = useAnnounce();
  const [templateId, setTemplateId] = useState<RitualTemplateId | "">("officeHours");
  const first = ritualTemplate("officeHours");
  const [name, setName] = useState(first.name);
  const [kind, setKind] = useState<Kind>("weekly");
  const [interval, setInterval] = useState(1);
  const [weekday, setWeekday] = useState<WeekdayCode>("WE");
  const [nth, setNth] = useState<1 | 2 | 3 | 4 | 5 | -1>(1);
  const [day, setDay] = useState(1);
  const [startDate, setStartDate] = useState(props.today);
  const [time, setTime] = useState("12:00");
  const [duration, setDuration] = useState(first.durationMinutes);
  const [timeZone, setTimeZone] = useState(props.timeZone);
  const [segment, setSegment] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  function chooseTemplate(id: RitualTemplateId | "") {
    setTemplateId(id);
    if (id === "") return;
    const template = ritualTemplate(id);
    setName(template.name);
    setDuration(template.durationMinutes);
    setKind(template.cadence.kind);
    if (template.cadence.interval) setInterval(template.cadence.interval);
  }

  const recurrence = (): Recurrence => {
    switch (kind) {
      case "once":
        return { kind };
      case "weekly":
        return { kind, interval, weekday };
      case "monthlyWeekday":
        return { kind, nth, weekday };
      case "monthlyDate":
        return { kind, day };
    }
  };

  async function submit(action: () => Promise<unknown>, done: string) {
    setBusy(true);
    setError(null);
    try {
      await action();
      announce(done);
      props.onCreated();
    } catch (caught) {
      setError(apiErrorOf(caught));
    } finally {
      setBusy(false);
    }
  }

  const template = templateId === "" ? null : ritualTemplate(templateId);
  const create = () =>
    submit(
      () =>
        api.calendar.createRitual(props.community.id, {
          name,
          purpose: template?.purpose ?? "",
          agenda: template?.agenda ?? "",
          templateId: template?.id ?? null,
          segment: segment.trim() === "" ? null : segment.trim(),
          schedule: {
            startDate,
            startTime: time,
            durationMinutes: duration,
            timeZone,
            recurrence: recurrence(),
            until: null,
          },
        }),
      `${name} added to the calendar.`,
    );
  const starter = () =>
    submit(
      () =>
        api.calendar.startStarterRhythm(props.community.id, {
          from: startDate,
          weekday,
          time,
          timeZone,
        }),
      "Starter rhythm added to the calendar.",
    );

  return (
    <Dialog open onOpenChange={(_e, d) => !d.open && props.onClose()}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>New ritual</DialogTitle>
          <DialogContent className={styles.form}>
            {error && <ErrorState title="The ritual was not saved" error={error} />}
            <Field label="Start from">
              <Select
                value={templateId}
                onChange={(_e, d) => chooseTemplate(d.value as RitualTemplateId | "")}
              >
                {ritualCatalogue.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name} ({t.cadence.label.toLowerCase()}, {t.durationMinutes} min)
                  </option>
                ))}
                <option value="">A custom ritual</option>
              </Select>
            </Field>
            {template && <Text>{template.purpose}</Text>}
            <Field label="Name" required>
              <Input
                value={name}
                maxLength={ritualLimits.ritualName}
                onChange={(_e, d) => setName(d.value)}
              />
            </Field>
            <div className={styles.row}>
              <Field label="Repeats">
                <Select value={kind} onChange={(_e, d) => setKind(d.value as Kind)}>
                  <option value="weekly">Every week or every few weeks</option>
                  <option value="monthlyWeekday">Monthly on a weekday</option>
                  <option value="monthlyDate">Monthly on a date</option>
                  <option value="once">Once</option>
                </Select>
              </Field>
              {kind === "weekly" && (
                <Field label="Every how many weeks">
                  <Input
                    type="number"
                    min={1}
                    max={13}
                    value={String(interval)}
                    onChange={(_e, d) => setInterval(Number(d.value) || 1)}
                  />
                </Field>
              )}
              {kind === "monthlyWeekday" && (
                <Field label="Which one">
                  <Select
                    value={String(nth)}
                    onChange={(_e, d) => setNth(Number(d.value) as typeof nth)}
                  >
                    <option value="1">First</option>
                    <option value="2">Second</option>
                    <option value="3">Third</option>
                    <option value="4">Fourth</option>
                    <option value="5">Fifth (skips months without one)</option>
                    <option value="-1">Last</option>
                  </Select>
                </Field>
              )}
              {(kind === "weekly" || kind === "monthlyWeekday") && (
                <Field label="Weekday">
                  <Select value={weekday} onChange={(_e, d) => setWeekday(d.value as WeekdayCode)}>
                    {weekdayCodes.map((code) => (
                      <option key={code} value={code}>
                        {weekdayNames[code]}
                      </option>
                    ))}
                  </Select>
                </Field>
              )}
              {kind === "monthlyDate" && (
                <Field label="Day of the month">
                  <Select value={String(day)} onChange={(_e, d) => setDay(Number(d.value))}>
                    {Array.from({ length: 28 }, (_, i) => (
                      <option key={i + 1} value={String(i + 1)}>
                        {i + 1}
                      </option>
                    ))}
                    <option value="-1">Last day of the month</option>
                  </Select>
                </Field>
              )}
            </div>
            <div className={styles.row}>
              <Field label={kind === "once" ? "Date" : "Starting on"}>
                <Input type="date" value={startDate} onChange={(_e, d) => setStartDate(d.value)} />
              </Field>
              <Field label="Time">
                <Input type="time" value={time} onChange={(_e, d) => setTime(d.value)} />
              </Field>
              <Field label="Minutes">
                <Input
                  type="number"
                  min={5}
                  max={720}
                  value={String(duration)}
                  onChange={(_e, d) => setDuration(Number(d.value) || 30)}
                />
              </Field>
            </div>
            <div className={styles.row}>
              <Field label="Time zone" hint="People see times in their own zone.">
                <Input value={timeZone} onChange={(_e, d) => setTimeZone(d.value)} />
              </Field>
              <Field label="Segment (optional)" hint="A location or circle; empty for everyone.">
                <Input
                  value={segment}
                  maxLength={ritualLimits.segment}
                  onChange={(_e, d) => setSegment(d.value)}
                />
              </Field>
            </div>
          </DialogContent>
          <DialogActions fluid>
            <Button disabled={busy} onClick={() => void starter()}>
              Add the starter rhythm instead
            </Button>
            <Button
              appearance="primary"
              disabled={busy || name.trim() === ""}
              onClick={() => void create()}
            >
              Add ritual
            </Button>
            <Button onClick={props.onClose}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
