import { useMemo, useState } from "react";
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Select,
  Text,
  tokens,
} from "@fluentui/react-components";
import {
  defaultReminderOffsets,
  ritualCatalogue,
  ritualLimits,
  ritualTemplate,
  weekdayCodes,
  type Community,
  type LocalDate,
  type Recurrence,
  type Ritual,
  type RitualInput,
  type RitualTemplateId,
  type WeekdayCode,
} from "@practice-hub/shared";
import { useAnnounce } from "../../../components/Announcer";
import { ErrorState } from "../../../components/ErrorState";
import { TimeZonePicker } from "../../../components/TimeZonePicker";
import { useFormErrors } from "../../../components/useFormErrors";
import { useEnvironment } from "../../../environment";
import { staleRitualOf } from "../../../api/rituals";
import { reminderLabel, reminderOptions } from "../calendarView";
import { differenceSentence, ritualDifferences, type FieldDifference } from "../ritualMerge";

const useStyles = makeStyles({
  form: { display: "grid", gap: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  reminders: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    border: "none",
    margin: 0,
    padding: 0,
  },
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
 * Where the API's paths land on the form: a ritual's fields, and the starter rhythm's (`from`,
 * `weekday`, `time`, `timeZone`), which this form also sends.
 */
const ritualPlacement = {
  name: "name",
  segment: "segment",
  "schedule.recurrence": "repeats",
  "schedule.recurrence.interval": "interval",
  "schedule.recurrence.nth": "nth",
  "schedule.recurrence.weekday": "weekday",
  "schedule.recurrence.day": "day",
  "schedule.startDate": "startDate",
  "schedule.until": "until",
  "schedule.startTime": "time",
  "schedule.durationMinutes": "duration",
  "schedule.timeZone": "timeZone",
  from: "startDate",
  weekday: "weekday",
  time: "time",
  timeZone: "timeZone",
} as const;

/** What a stale save tells the person: their values are kept, and saving again keeps them. */
function staleSentence(saved: Ritual, differences: readonly FieldDifference[]): string {
  const kept = `Someone changed ${saved.name} while you were editing. Your changes are still here: save to replace the saved version with them`;
  return differences.length === 0 ? `${kept}.` : `${kept}, or use the saved version.`;
}

/**
 * Creates a ritual from a catalogue template (or from scratch), or the whole starter rhythm in
 * one step; with `ritual`, edits that ritual instead (If-Match). A 412 keeps what was typed, moves
 * the edit onto the saved version's ETag and lists the fields that differ from it, so the person
 * can save theirs or take the saved version. Times are entered in the ritual's own zone, which
 * defaults to the viewer's.
 */
export function RitualForm(props: {
  community: Community;
  timeZone: string;
  today: LocalDate;
  /** The ritual to edit; a new ritual when absent. */
  ritual?: Ritual;
  /** Zones the community's rituals already use: offered first, after the viewer's own. */
  communityZones?: readonly string[];
  onSaved(): void;
  /** Called when an edit met a newer version, so the page can show that version too. */
  onStale?(): void;
  onClose(): void;
}) {
  const styles = useStyles();
  const { api } = useEnvironment();
  const announce = useAnnounce();
  const editing = props.ritual ?? null;
  const first = ritualTemplate("officeHours");
  const [templateId, setTemplateId] = useState<RitualTemplateId | "">(
    editing ? (editing.templateId ?? "") : "officeHours",
  );
  const [base, setBase] = useState<Ritual | null>(editing);
  const [name, setName] = useState(editing?.name ?? first.name);
  const [kind, setKind] = useState<Kind>(editing?.schedule.recurrence.kind ?? "weekly");
  const recurrenceOf = editing?.schedule.recurrence;
  const [interval, setInterval] = useState(
    recurrenceOf?.kind === "weekly" ? recurrenceOf.interval : 1,
  );
  const [weekday, setWeekday] = useState<WeekdayCode>(
    recurrenceOf?.kind === "weekly" || recurrenceOf?.kind === "monthlyWeekday"
      ? recurrenceOf.weekday
      : "WE",
  );
  const [nth, setNth] = useState<1 | 2 | 3 | 4 | 5 | -1>(
    recurrenceOf?.kind === "monthlyWeekday" ? recurrenceOf.nth : 1,
  );
  const [day, setDay] = useState(recurrenceOf?.kind === "monthlyDate" ? recurrenceOf.day : 1);
  const [startDate, setStartDate] = useState(editing?.schedule.startDate ?? props.today);
  const [until, setUntil] = useState(editing?.schedule.until ?? "");
  const [time, setTime] = useState(editing?.schedule.startTime ?? "12:00");
  const [duration, setDuration] = useState(
    editing?.schedule.durationMinutes ?? first.durationMinutes,
  );
  const [timeZone, setTimeZone] = useState(editing?.schedule.timeZone ?? props.timeZone);
  const [segment, setSegment] = useState(editing?.segment ?? "");
  const [reminders, setReminders] = useState<number[]>(
    editing?.reminderOffsetsMinutes ?? [...defaultReminderOffsets],
  );
  const errors = useFormErrors(ritualPlacement, {
    name,
    repeats: kind,
    interval,
    nth,
    weekday,
    day,
    startDate,
    until,
    time,
    duration,
    timeZone,
    segment,
  });
  /** The version saved while the person was editing, and where their form differs from it. */
  const [stale, setStale] = useState<{ saved: Ritual; differences: FieldDifference[] } | null>(
    null,
  );
  const [busy, setBusy] = useState(false);
  const zoneSuggestions = useMemo(
    () => [props.timeZone, ...(props.communityZones ?? [])],
    [props.timeZone, props.communityZones],
  );

  /** Shows a ritual's saved fields (after someone else changed it). */
  function fill(ritual: Ritual) {
    const r = ritual.schedule.recurrence;
    setBase(ritual);
    setName(ritual.name);
    setKind(r.kind);
    if (r.kind === "weekly") setInterval(r.interval);
    if (r.kind === "weekly" || r.kind === "monthlyWeekday") setWeekday(r.weekday);
    if (r.kind === "monthlyWeekday") setNth(r.nth);
    if (r.kind === "monthlyDate") setDay(r.day);
    setStartDate(ritual.schedule.startDate);
    setUntil(ritual.schedule.until ?? "");
    setTime(ritual.schedule.startTime);
    setDuration(ritual.schedule.durationMinutes);
    setTimeZone(ritual.schedule.timeZone);
    setSegment(ritual.segment ?? "");
    setReminders(ritual.reminderOffsetsMinutes);
  }

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
    errors.clear();
    setStale(null);
    try {
      await action();
      announce(done);
      props.onSaved();
    } catch (caught) {
      const current = staleRitualOf(caught);
      if (current) {
        // Rebase, keeping every typed value: the next save names the saved version's ETag and
        // takes its fields the form does not show (purpose, agenda).
        const differences = ritualDifferences(current, input());
        setBase(current);
        setStale({ saved: current, differences });
        props.onStale?.();
        announce(
          [staleSentence(current, differences), ...differences.map(differenceSentence)].join(" "),
        );
      } else {
        errors.fail(caught);
      }
    } finally {
      setBusy(false);
    }
  }

  const template = templateId === "" ? null : ritualTemplate(templateId);
  const input = (): RitualInput => ({
    name,
    // Purpose and agenda are not on this form: an edit keeps the ritual's own.
    purpose: base?.purpose ?? template?.purpose ?? "",
    agenda: base?.agenda ?? template?.agenda ?? "",
    templateId: base ? base.templateId : (template?.id ?? null),
    segment: segment.trim() === "" ? null : segment.trim(),
    schedule: {
      startDate,
      startTime: time,
      durationMinutes: duration,
      timeZone,
      recurrence: recurrence(),
      until: kind === "once" || until === "" ? null : until,
    },
    reminderOffsetsMinutes: [...reminders].sort((a, b) => b - a),
  });
  const save = () =>
    base
      ? submit(() => api.calendar.updateRitual(props.community.id, base, input()), `${name} saved.`)
      : submit(
          () => api.calendar.createRitual(props.community.id, input()),
          `${name} added to the calendar.`,
        );
  const toggleReminder = (minutes: number, on: boolean) =>
    setReminders((current) =>
      on ? [...new Set([...current, minutes])] : current.filter((m) => m !== minutes),
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
          <DialogTitle>{base ? `Edit ${base.name}` : "New ritual"}</DialogTitle>
          <DialogContent className={styles.form}>
            {stale && (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>
                  {staleSentence(stale.saved, stale.differences)}
                  {stale.differences.length > 0 && (
                    <ul aria-label="Where your changes differ from the saved version">
                      {stale.differences.map((difference) => (
                        <li key={difference.label}>{differenceSentence(difference)}</li>
                      ))}
                    </ul>
                  )}
                </MessageBarBody>
                {stale.differences.length > 0 && (
                  <MessageBarActions>
                    <Button
                      onClick={() => {
                        fill(stale.saved);
                        setStale(null);
                      }}
                    >
                      Use the saved version
                    </Button>
                  </MessageBarActions>
                )}
              </MessageBar>
            )}
            {errors.formError && (
              <ErrorState title="The ritual was not saved" error={errors.formError} />
            )}
            {!base && (
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
            )}
            {!base && template && <Text>{template.purpose}</Text>}
            <Field label="Name" required {...errors.field("name")}>
              <Input
                value={name}
                maxLength={ritualLimits.ritualName}
                onChange={(_e, d) => setName(d.value)}
              />
            </Field>
            <div className={styles.row}>
              <Field label="Repeats" {...errors.field("repeats")}>
                <Select value={kind} onChange={(_e, d) => setKind(d.value as Kind)}>
                  <option value="weekly">Every week or every few weeks</option>
                  <option value="monthlyWeekday">Monthly on a weekday</option>
                  <option value="monthlyDate">Monthly on a date</option>
                  <option value="once">Once</option>
                </Select>
              </Field>
              {kind === "weekly" && (
                <Field label="Every how many weeks" {...errors.field("interval")}>
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
                <Field label="Which one" {...errors.field("nth")}>
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
                <Field label="Weekday" {...errors.field("weekday")}>
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
                <Field label="Day of the month" {...errors.field("day")}>
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
              <Field
                label={kind === "once" ? "Date" : "Starting on"}
                {...errors.field("startDate")}
              >
                <Input type="date" value={startDate} onChange={(_e, d) => setStartDate(d.value)} />
              </Field>
              {kind !== "once" && (
                <Field
                  label="Ends on (optional)"
                  hint="The last day it may happen on."
                  {...errors.field("until")}
                >
                  <Input type="date" value={until} onChange={(_e, d) => setUntil(d.value)} />
                </Field>
              )}
              <Field label="Time" {...errors.field("time")}>
                <Input type="time" value={time} onChange={(_e, d) => setTime(d.value)} />
              </Field>
              <Field label="Minutes" {...errors.field("duration")}>
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
              <Field
                label="Time zone"
                hint="People see times in their own zone."
                {...errors.field("timeZone")}
              >
                <TimeZonePicker
                  value={timeZone}
                  onChange={setTimeZone}
                  suggested={zoneSuggestions}
                />
              </Field>
              <Field
                label="Segment (optional)"
                hint="A location or circle; empty for everyone."
                {...errors.field("segment")}
              >
                <Input
                  value={segment}
                  maxLength={ritualLimits.segment}
                  onChange={(_e, d) => setSegment(d.value)}
                />
              </Field>
            </div>
            <fieldset className={styles.reminders}>
              <legend>
                <Text weight="semibold">Reminders in the channel</Text>
              </legend>
              {reminderOptions(reminders).map((minutes) => (
                <Checkbox
                  key={minutes}
                  label={reminderLabel(minutes)}
                  checked={reminders.includes(minutes)}
                  // At most four lead times: the rest wait until one is unticked.
                  disabled={
                    !reminders.includes(minutes) && reminders.length >= ritualLimits.reminderOffsets
                  }
                  onChange={(_e, d) => toggleReminder(minutes, d.checked === true)}
                />
              ))}
            </fieldset>
          </DialogContent>
          <DialogActions fluid>
            {!base && (
              <Button disabled={busy} onClick={() => void starter()}>
                Add the starter rhythm instead
              </Button>
            )}
            <Button
              appearance="primary"
              disabled={busy || name.trim() === ""}
              onClick={() => void save()}
            >
              {base ? "Save changes" : "Add ritual"}
            </Button>
            <Button onClick={props.onClose}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
