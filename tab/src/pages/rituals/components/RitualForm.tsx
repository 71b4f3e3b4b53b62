import { useMemo, useState } from "react";
import {
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  Select,
  Text,
} from "@fluentui/react-components";
import { row, stack } from "../../../components/layoutStyles";
import { ModalDialog } from "../../../components/ModalDialog";
import {
  ritualCatalogue,
  ritualLimits,
  ritualTemplate,
  type Community,
  type LocalDate,
  type Ritual,
  type RitualTemplateId,
} from "@practice-hub/shared";
import { staleRitualOf } from "../../../api/rituals";
import { useAnnounce } from "../../../components/Announcer";
import { ErrorState } from "../../../components/ErrorState";
import { TimeZonePicker } from "../../../components/TimeZonePicker";
import { useAction } from "../../../components/useAction";
import { useFormErrors } from "../../../components/useFormErrors";
import { useEnvironment } from "../../../environment";
import { reminderLabel, reminderOptions } from "../calendarView";
import {
  initialRitualValues,
  ritualInputOf,
  starterRhythmOf,
  withReminder,
  withRitual,
  withTemplate,
  type RitualFormValues,
} from "../ritualForm";
import { differenceSentence, ritualDifferences, type FieldDifference } from "../ritualMerge";
import { RecurrenceFields } from "./RecurrenceFields";
import { StaleRitualNotice, staleSentence } from "./StaleRitualNotice";

const useStyles = makeStyles({
  form: stack("S"),
  row: row("S"),
  reminders: { ...row("S"), border: "none", margin: 0, padding: 0 },
});

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
  /** The saved version the next save replaces (If-Match); null for a new ritual. */
  const [base, setBase] = useState<Ritual | null>(props.ritual ?? null);
  const [values, setValues] = useState(() =>
    initialRitualValues({
      ritual: props.ritual ?? null,
      today: props.today,
      timeZone: props.timeZone,
    }),
  );
  const set = (change: Partial<RitualFormValues>) =>
    setValues((current) => ({ ...current, ...change }));
  const errors = useFormErrors(ritualPlacement, {
    name: values.name,
    repeats: values.kind,
    interval: values.interval,
    nth: values.nth,
    weekday: values.weekday,
    day: values.day,
    startDate: values.startDate,
    until: values.until,
    time: values.time,
    duration: values.duration,
    timeZone: values.timeZone,
    segment: values.segment,
  });
  /** The version saved while the person was editing, and where their form differs from it. */
  const [stale, setStale] = useState<{ saved: Ritual; differences: FieldDifference[] } | null>(
    null,
  );
  const action = useAction({
    clear: () => {
      errors.clear();
      setStale(null);
    },
    fail: (caught) => {
      const current = staleRitualOf(caught);
      if (!current) {
        errors.fail(caught);
        return;
      }
      // Rebase, keeping every typed value: the next save names the saved version's ETag and
      // takes its fields the form does not show (purpose, agenda).
      const differences = ritualDifferences(current, ritualInputOf(values, base));
      setBase(current);
      setStale({ saved: current, differences });
      props.onStale?.();
      announce(
        [staleSentence(current, differences), ...differences.map(differenceSentence)].join(" "),
      );
    },
  });
  const zoneSuggestions = useMemo(
    () => [props.timeZone, ...(props.communityZones ?? [])],
    [props.timeZone, props.communityZones],
  );

  const submit = async (work: () => Promise<unknown>, done: string) => {
    if (await action.run(work, done)) props.onSaved();
  };
  const save = () =>
    base
      ? submit(
          () => api.calendar.updateRitual(props.community.id, base, ritualInputOf(values, base)),
          `${values.name} saved.`,
        )
      : submit(
          () => api.calendar.createRitual(props.community.id, ritualInputOf(values, null)),
          `${values.name} added to the calendar.`,
        );
  const starter = () =>
    submit(
      () => api.calendar.startStarterRhythm(props.community.id, starterRhythmOf(values)),
      "Starter rhythm added to the calendar.",
    );
  const template = values.templateId === "" ? null : ritualTemplate(values.templateId);
  const { kind, reminders } = values;

  return (
    <ModalDialog
      title={base ? `Edit ${base.name}` : "New ritual"}
      onClose={props.onClose}
      surface={{ "aria-describedby": undefined }}
      contentClassName={styles.form}
      fluidActions
      actions={
        <>
          {!base && (
            <Button disabled={action.busy} onClick={() => void starter()}>
              Add the starter rhythm instead
            </Button>
          )}
          <Button
            appearance="primary"
            disabled={action.busy || values.name.trim() === ""}
            onClick={() => void save()}
          >
            {base ? "Save changes" : "Add ritual"}
          </Button>
          <Button onClick={props.onClose}>Cancel</Button>
        </>
      }
    >
      {stale && (
        <StaleRitualNotice
          saved={stale.saved}
          differences={stale.differences}
          onUseSaved={() => {
            setBase(stale.saved);
            setValues((current) => withRitual(current, stale.saved));
            setStale(null);
          }}
        />
      )}
      {errors.formError && <ErrorState title="The ritual was not saved" error={errors.formError} />}
      {!base && (
        <Field label="Start from">
          <Select
            value={values.templateId}
            onChange={(_e, d) =>
              setValues((current) => withTemplate(current, d.value as RitualTemplateId | ""))
            }
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
          value={values.name}
          maxLength={ritualLimits.ritualName}
          onChange={(_e, d) => set({ name: d.value })}
        />
      </Field>
      <RecurrenceFields values={values} onChange={set} field={errors.field} />
      <div className={styles.row}>
        <Field label={kind === "once" ? "Date" : "Starting on"} {...errors.field("startDate")}>
          <Input
            type="date"
            value={values.startDate}
            onChange={(_e, d) => set({ startDate: d.value })}
          />
        </Field>
        {kind !== "once" && (
          <Field
            label="Ends on (optional)"
            hint="The last day it may happen on."
            {...errors.field("until")}
          >
            <Input type="date" value={values.until} onChange={(_e, d) => set({ until: d.value })} />
          </Field>
        )}
        <Field label="Time" {...errors.field("time")}>
          <Input type="time" value={values.time} onChange={(_e, d) => set({ time: d.value })} />
        </Field>
        <Field label="Minutes" {...errors.field("duration")}>
          <Input
            type="number"
            min={5}
            max={720}
            value={String(values.duration)}
            onChange={(_e, d) => set({ duration: Number(d.value) || 30 })}
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
            value={values.timeZone}
            onChange={(timeZone) => set({ timeZone })}
            suggested={zoneSuggestions}
          />
        </Field>
        <Field
          label="Segment (optional)"
          hint="A location or circle; empty for everyone."
          {...errors.field("segment")}
        >
          <Input
            value={values.segment}
            maxLength={ritualLimits.segment}
            onChange={(_e, d) => set({ segment: d.value })}
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
            onChange={(_e, d) =>
              setValues((current) => withReminder(current, minutes, d.checked === true))
            }
          />
        ))}
      </fieldset>
    </ModalDialog>
  );
}
