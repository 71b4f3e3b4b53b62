import { Field, Input, makeStyles, Select, tokens } from "@fluentui/react-components";
import { weekdayCodes, type Recurrence, type WeekdayCode } from "@practice-hub/shared";
import type { FieldErrorProps } from "../../../components/useFormErrors";
import { weekdayNames } from "../calendarView";
import type { NthWeekday, RitualFormValues } from "../ritualForm";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/** The form's fields a refusal can point at here. */
type RecurrenceField = "repeats" | "interval" | "nth" | "weekday" | "day";

/** How often a ritual repeats: the kind, and the fields that kind needs. */
export function RecurrenceFields({
  values,
  onChange,
  field,
}: {
  values: RitualFormValues;
  onChange(change: Partial<RitualFormValues>): void;
  /** Where the API's refusal of a field shows (useFormErrors' `field`). */
  field(name: RecurrenceField): FieldErrorProps;
}) {
  const styles = useStyles();
  const { kind } = values;
  return (
    <div className={styles.row}>
      <Field label="Repeats" {...field("repeats")}>
        <Select
          value={kind}
          onChange={(_e, d) => onChange({ kind: d.value as Recurrence["kind"] })}
        >
          <option value="weekly">Every week or every few weeks</option>
          <option value="monthlyWeekday">Monthly on a weekday</option>
          <option value="monthlyDate">Monthly on a date</option>
          <option value="once">Once</option>
        </Select>
      </Field>
      {kind === "weekly" && (
        <Field label="Every how many weeks" {...field("interval")}>
          <Input
            type="number"
            min={1}
            max={13}
            value={String(values.interval)}
            onChange={(_e, d) => onChange({ interval: Number(d.value) || 1 })}
          />
        </Field>
      )}
      {kind === "monthlyWeekday" && (
        <Field label="Which one" {...field("nth")}>
          <Select
            value={String(values.nth)}
            onChange={(_e, d) => onChange({ nth: Number(d.value) as NthWeekday })}
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
        <Field label="Weekday" {...field("weekday")}>
          <Select
            value={values.weekday}
            onChange={(_e, d) => onChange({ weekday: d.value as WeekdayCode })}
          >
            {weekdayCodes.map((code) => (
              <option key={code} value={code}>
                {weekdayNames[code]}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {kind === "monthlyDate" && (
        <Field label="Day of the month" {...field("day")}>
          <Select
            value={String(values.day)}
            onChange={(_e, d) => onChange({ day: Number(d.value) })}
          >
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
  );
}
