import { useCallback, useMemo, useState } from "react";
import { Button, Field, Input, makeStyles, Select, Text } from "@fluentui/react-components";
import { digestDays, type DigestDay, type DigestSettings } from "@practice-hub/shared";
import { useAnnounce } from "../../../components/Announcer";
import { FormError } from "../../../components/FormError";
import { row } from "../../../components/layoutStyles";
import { TimeZonePicker } from "../../../components/TimeZonePicker";
import { useFormErrors } from "../../../components/useFormErrors";
import { useLoad } from "../../../components/useLoad";
import { useEnvironment } from "../../../environment";

const useStyles = makeStyles({
  settings: row("M", "end"),
});

const dayLabel = (day: DigestDay) => day.charAt(0).toUpperCase() + day.slice(1);

/** Where the API's paths of the digest settings land on the form. */
const settingsPlacement = { day: "day", time: "time", timeZone: "timeZone" } as const;

/** When the signed-in person's weekly digest arrives: day, time and zone. */
export function DigestSettingsForm({ timeZone }: { timeZone: string }) {
  const styles = useStyles();
  const { api } = useEnvironment();
  const announce = useAnnounce();
  const load = useCallback(() => api.digest.settings(timeZone), [api, timeZone]);
  const { state, update } = useLoad(load);
  const [draft, setDraft] = useState<DigestSettings | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const shownSettings = draft ?? (state.status === "ready" ? state.data.settings : null);
  const errors = useFormErrors(settingsPlacement, {
    day: shownSettings?.day,
    time: shownSettings?.time,
    timeZone: shownSettings?.timeZone,
  });
  const suggestedZones = useMemo(() => [timeZone], [timeZone]);
  if (shownSettings === null) return null;
  const settings = shownSettings;

  const save = async () => {
    errors.clear();
    setMessage(null);
    try {
      const saved = await api.digest.saveSettings(settings);
      update(() => saved);
      setDraft(null);
      setMessage("Saved. Your digest arrives at this time each week.");
      announce("Digest settings saved.");
    } catch (error) {
      errors.fail(error);
    }
  };

  return (
    <form
      className={styles.settings}
      aria-label="When your digest arrives"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Field label="Day" {...errors.field("day")}>
        <Select
          value={settings.day}
          onChange={(_e, v) => setDraft({ ...settings, day: v.value as DigestDay })}
        >
          {digestDays.map((day) => (
            <option key={day} value={day}>
              {dayLabel(day)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Time" {...errors.field("time")}>
        <Input
          type="time"
          value={settings.time}
          onChange={(_e, v) => setDraft({ ...settings, time: v.value })}
        />
      </Field>
      <Field label="Time zone" {...errors.field("timeZone")}>
        <TimeZonePicker
          value={settings.timeZone}
          suggested={suggestedZones}
          onChange={(zone) => setDraft({ ...settings, timeZone: zone })}
        />
      </Field>
      <Button type="submit" appearance="primary" disabled={draft === null}>
        Save
      </Button>
      {message && <Text role="status">{message}</Text>}
      <FormError error={errors.formError} />
    </form>
  );
}
