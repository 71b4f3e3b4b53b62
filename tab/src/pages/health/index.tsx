import { useCallback, useMemo, useState } from "react";
import {
  Body1,
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  Title2,
  Title3,
  tokens,
} from "@fluentui/react-components";
import {
  digestDays,
  type Community,
  type DigestDay,
  type DigestSettings,
} from "@practice-hub/shared";
import { apiErrorOf } from "../../api/errors";
import { useAnnounce } from "../../components/Announcer";
import { ErrorState } from "../../components/ErrorState";
import { FormError } from "../../components/FormError";
import { Loading } from "../../components/Loading";
import { TimeZonePicker } from "../../components/TimeZonePicker";
import { useFormErrors } from "../../components/useFormErrors";
import { rolesIn, useSignedInPerson } from "../../components/SignedInPerson";
import { useLoad } from "../../components/useLoad";
import { useEnvironment } from "../../environment";
import { formatDateTime } from "../../format";
import { AdaptiveCardView } from "../digest/components/AdaptiveCardView";
import { sendStatusView } from "../digest/sendStatus";

const useStyles = makeStyles({
  root: { display: "grid", gap: tokens.spacingVerticalXL },
  section: { display: "grid", gap: tokens.spacingVerticalM },
  title: { margin: 0 },
  signals: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  community: {
    display: "grid",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM },
  settings: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "end",
    gap: tokens.spacingHorizontalM,
  },
});

const dayLabel = (day: DigestDay) => day.charAt(0).toUpperCase() + day.slice(1);

/** Where the API's paths of the digest settings land on the form. */
const settingsPlacement = { day: "day", time: "time", timeZone: "timeZone" } as const;

function SettingsForm({ timeZone }: { timeZone: string }) {
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

/**
 * Health across communities for heads of profession and champions: the warning signs with their
 * reasons, the weekly digest exactly as it will arrive (with its delivery settings), and for a
 * community's champions the members' version with "send now".
 */
export default function HealthPage({ community }: { community: Community }) {
  const styles = useStyles();
  const { api, host } = useEnvironment();
  const announce = useAnnounce();
  const champion = rolesIn(useSignedInPerson(), community.id).includes("champion");
  const loadSignals = useCallback(() => api.digest.healthSignals(host.timeZone), [api, host]);
  const signals = useLoad(loadSignals);
  const loadLead = useCallback(
    () => api.digest.preview({ audience: "lead", timeZone: host.timeZone }),
    [api, host],
  );
  const lead = useLoad(loadLead);
  const loadMembers = useCallback(
    () =>
      champion
        ? api.digest.preview({
            audience: "members",
            communityId: community.id,
            timeZone: host.timeZone,
          })
        : Promise.resolve(null),
    [api, host, community.id, champion],
  );
  const members = useLoad(loadMembers);
  const loadUnreachable = useCallback(
    () => (champion ? api.digest.unreachable(community.id) : Promise.resolve(null)),
    [api, community.id, champion],
  );
  const unreachable = useLoad(loadUnreachable);
  const loadSendStatus = useCallback(
    () => (champion ? api.digest.sendStatus(community.id) : Promise.resolve(null)),
    [api, community.id, champion],
  );
  const sendStatus = useLoad(loadSendStatus);
  const [sendError, setSendError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const when = (iso: string) => formatDateTime(iso, host.locale, host.timeZone);
  const sendView =
    sendStatus.state.status === "ready" && sendStatus.state.data
      ? sendStatusView(sendStatus.state.data, when)
      : null;

  const sendNow = async () => {
    setSending(true);
    setSendError(null);
    try {
      const result = await api.digest.sendNow(community.id);
      sendStatus.update(() => result);
      announce(sendStatusView(result, when).text);
    } catch (error) {
      setSendError(apiErrorOf(error).message);
    } finally {
      setSending(false);
    }
  };

  return (
    <div className={styles.root}>
      <section className={styles.section} aria-labelledby="signals-heading">
        <Title2 as="h2" id="signals-heading" className={styles.title}>
          Health across your communities
        </Title2>
        {signals.state.status === "loading" && <Loading label="Loading health signals" />}
        {signals.state.status === "failed" && (
          <ErrorState title="Health signals did not load" error={signals.state.error} />
        )}
        {signals.state.status === "ready" && signals.state.data.communities.length === 0 && (
          <Body1>Health signals show for the communities you lead.</Body1>
        )}
        {signals.state.status === "ready" &&
          signals.state.data.communities.map((entry) => (
            <div key={entry.communityId} className={styles.community}>
              <Title3 as="h3" className={styles.title}>
                {entry.name}
              </Title3>
              {entry.signals.length === 0 ? (
                <Body1>No warning signs.</Body1>
              ) : (
                <ul className={styles.signals}>
                  {entry.signals.map((signal) => (
                    <li key={signal.kind + signal.summary}>
                      <Body1>{signal.summary}</Body1>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ))}
      </section>

      <section className={styles.section} aria-labelledby="digest-heading">
        <Title2 as="h2" id="digest-heading" className={styles.title}>
          Your weekly digest
        </Title2>
        <SettingsForm timeZone={host.timeZone} />
        {lead.state.status === "loading" && <Loading label="Loading the digest preview" />}
        {lead.state.status === "failed" && (
          <ErrorState title="The preview did not load" error={lead.state.error} />
        )}
        {lead.state.status === "ready" && (
          <AdaptiveCardView card={lead.state.data.card} label="Preview of your weekly digest" />
        )}
      </section>

      {champion && (
        <section className={styles.section} aria-labelledby="members-digest-heading">
          <Title2 as="h2" id="members-digest-heading" className={styles.title}>
            {community.name}: the members' digest
          </Title2>
          {members.state.status === "ready" && members.state.data && (
            <AdaptiveCardView
              card={members.state.data.card}
              label={`Preview of the members' digest of ${community.name}`}
            />
          )}
          {sendStatus.state.status === "loading" && (
            <Loading label="Loading where this week's digest stands" />
          )}
          {sendStatus.state.status === "failed" && (
            <ErrorState
              title="Where this week's digest stands did not load"
              error={sendStatus.state.error}
            />
          )}
          {sendView && (
            <MessageBar intent={sendView.intent} layout="multiline">
              <MessageBarBody>
                {sendView.text}
                {sendView.detail && (
                  <>
                    <br />
                    <Text size={200}>{sendView.detail}</Text>
                  </>
                )}
              </MessageBarBody>
            </MessageBar>
          )}
          {sendView && (
            <div className={styles.buttons}>
              {sendView.action && (
                <Button appearance="primary" disabled={sending} onClick={() => void sendNow()}>
                  {sendView.action}
                </Button>
              )}
              {sendStatus.state.status === "ready" &&
                sendStatus.state.data?.status === "queued" && (
                  <Button onClick={sendStatus.reload}>Check again</Button>
                )}
            </div>
          )}
          {sendError && (
            <MessageBar intent="error">
              <MessageBarBody>{sendError}</MessageBarBody>
            </MessageBar>
          )}
          {unreachable.state.status === "ready" &&
            unreachable.state.data &&
            unreachable.state.data.recipients.length > 0 && (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>
                  Teams refused to deliver to:{" "}
                  {unreachable.state.data.recipients
                    .map((r) => `${r.displayName} (since ${when(r.since)})`)
                    .join(", ")}
                  . They may have blocked or removed the app; ask them to open Practice Hub in Teams
                  again.
                </MessageBarBody>
              </MessageBar>
            )}
        </section>
      )}
    </div>
  );
}
