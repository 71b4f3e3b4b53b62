import { useCallback, useState } from "react";
import {
  Badge,
  Button,
  Field,
  Input,
  makeStyles,
  Select,
  Text,
  Textarea,
  Title2,
  Title3,
} from "@fluentui/react-components";
import {
  builtInRetroFormats,
  retroLimits,
  type Community,
  type RetroAction,
  type RetroFormatId,
  type RetroListResponse,
} from "@practice-hub/shared";
import { appendPage } from "../../api/paging";
import { useAnnounce } from "../../components/Announcer";
import { useAction } from "../../components/useAction";
import { useFormErrors } from "../../components/useFormErrors";
import { FormError } from "../../components/FormError";
import { LoadState } from "../../components/LoadState";
import { ShowMore } from "../../components/ShowMore";
import { useSignedInPerson } from "../../components/SignedInPerson";
import { useLoad } from "../../components/useLoad";
import { useEnvironment } from "../../environment";
import { useAddress } from "../../routing/GuardedRouter";
import { appPaths } from "../../routing/routes";
import { PulseChart } from "./components/PulseChart";
import { FormSection } from "./components/FormSection";
import { useRetroStyles } from "./components/retroStyles";
import { RetroDetail } from "./components/RetroDetail";
import { emptyStartRetro, startRetroRequest, type StartRetroValues } from "./retroForms";
import { phaseNames, pulsePoints } from "./retroView";

// The list's rows share the retro's look; only their text grows differently here.
const useStyles = makeStyles({ grow: { flexGrow: 1 } });

/**
 * The Retros page: at `/retros` open actions, the pulse over time, the history a page at a time
 * ("Show older retros") and starting a retro; at `/retros/<id>` that retro.
 */
export default function RetrosPage({ community }: { community: Community }) {
  const { address, navigate } = useAddress();
  if (address.kind === "retro") {
    return (
      <RetroDetail
        communityId={community.id}
        retroId={address.retroId}
        onBack={() => navigate(appPaths.area("retros"))}
      />
    );
  }
  return <RetroHistory community={community} />;
}

/** The list side of the page; mounted afresh on the way back from a retro, so it loads again. */
function RetroHistory({ community }: { community: Community }) {
  const styles = useRetroStyles();
  const own = useStyles();
  const { api } = useEnvironment();
  const announce = useAnnounce();
  const load = useCallback(() => api.retros.list(community.id), [api, community.id]);
  const { state, reload, update } = useLoad(load);
  const me = useSignedInPerson().state;
  const myId = me.status === "ready" ? me.data.person.id : null;
  const { navigate } = useAddress();

  const showOlder = async () => {
    if (state.status !== "ready" || !state.data.nextCursor) return;
    const page = await api.retros.list(community.id, state.data.nextCursor);
    update((current) => ({
      ...current,
      retros: appendPage(current.retros, page.retros, (retro) => retro.id),
      nextCursor: page.nextCursor,
    }));
    announce(`${page.retros.length} older retros shown.`);
  };

  return (
    <div className={styles.root}>
      <Title2 as="h2">Retros of {community.name}</Title2>
      <LoadState of={{ state, reload }} loading="Loading retros" failed="The retros did not load">
        {(data) => (
          <>
            {data.allowedActions.includes("facilitate") && (
              <StartRetro
                communityId={community.id}
                onStarted={(retroId) => navigate(appPaths.retro(retroId))}
              />
            )}
            <OpenActions communityId={community.id} data={data} myId={myId} onChanged={reload} />
            <section className={styles.section} aria-labelledby="pulse-title">
              <Title3 as="h3" id="pulse-title">
                Pulse over time
              </Title3>
              <PulseChart points={pulsePoints(data.retros)} />
            </section>
            <section className={styles.section} aria-labelledby="history-title">
              <Title3 as="h3" id="history-title">
                History
              </Title3>
              {data.retros.length === 0 && <Text>No retros yet.</Text>}
              <ul className={styles.list}>
                {data.retros.map((retro) => (
                  <li key={retro.id} className={styles.row}>
                    <div className={own.grow}>
                      <Text weight="semibold">{retro.title}</Text>
                      <br />
                      <Text size={200}>
                        {phaseNames[retro.phase]} · started {retro.startedAt.slice(0, 10)}
                        {retro.topThemes.length > 0 &&
                          ` · top themes: ${retro.topThemes.map((t) => `${t.title} (${t.votes})`).join(", ")}`}
                      </Text>
                    </div>
                    <Button
                      onClick={() => navigate(appPaths.retro(retro.id))}
                      aria-label={`Open ${retro.title}`}
                    >
                      Open
                    </Button>
                  </li>
                ))}
              </ul>
              {data.nextCursor && <ShowMore label="Show older retros" onMore={showOlder} />}
            </section>
          </>
        )}
      </LoadState>
    </div>
  );
}

/** Where the API's paths of a retro start land on the form. */
const startRetroPlacement = {
  format: "format",
  title: "title",
  custom: "prompts",
  "custom.title": "title",
  votesPerPerson: "votes",
} as const;

function StartRetro({
  communityId,
  onStarted,
}: {
  communityId: string;
  onStarted(retroId: string): void;
}) {
  const { api } = useEnvironment();
  const [values, setValues] = useState<StartRetroValues>(emptyStartRetro);
  const set = (change: Partial<StartRetroValues>) =>
    setValues((current) => ({ ...current, ...change }));
  const errors = useFormErrors(startRetroPlacement, values);
  const action = useAction(errors);

  const start = () =>
    action.run(
      async () => {
        const retro = await api.retros.start(communityId, startRetroRequest(values));
        onStarted(retro.id);
        return retro;
      },
      (retro) => `Retro started: ${retro.title}`,
    );

  return (
    <FormSection id="start" title="Start a retro">
      <Field label="Format" {...errors.field("format")}>
        <Select
          value={values.format}
          onChange={(_e, data) => set({ format: data.value as RetroFormatId })}
        >
          {builtInRetroFormats.map((f) => (
            <option key={f.id} value={f.id}>
              {f.title}
            </option>
          ))}
          <option value="custom">Our own format</option>
        </Select>
      </Field>
      <Field label="Title (optional)" {...errors.field("title")}>
        <Input
          value={values.title}
          maxLength={retroLimits.title}
          onChange={(_e, data) => set({ title: data.value })}
        />
      </Field>
      {values.format === "custom" && (
        <Field
          label="Prompts, one per line"
          hint={`Up to ${retroLimits.promptsMax} prompts.`}
          {...errors.field("prompts")}
        >
          <Textarea value={values.prompts} onChange={(_e, data) => set({ prompts: data.value })} />
        </Field>
      )}
      <Field label="Votes per person" {...errors.field("votes")}>
        <Input
          type="number"
          min={retroLimits.votesPerPersonMin}
          max={retroLimits.votesPerPersonMax}
          value={values.votes}
          onChange={(_e, data) => set({ votes: data.value })}
        />
      </Field>
      <FormError error={errors.formError} />
      <div>
        <Button appearance="primary" disabled={action.busy} onClick={() => void start()}>
          Start and post to the channel
        </Button>
      </div>
    </FormSection>
  );
}

function OpenActions({
  communityId,
  data,
  myId,
  onChanged,
}: {
  communityId: string;
  data: RetroListResponse;
  myId: string | null;
  onChanged(): void;
}) {
  const styles = useRetroStyles();
  const own = useStyles();
  const { api } = useEnvironment();
  const tracking = useAction();
  const error = tracking.error?.message;
  const canRun = data.allowedActions.includes("facilitate");
  const update = (action: RetroAction, status: RetroAction["status"]) =>
    tracking.run(
      async () => {
        await api.retros.setActionStatus(communityId, action.id, status);
        onChanged();
      },
      status === "done" ? "Action marked done" : "Help requested",
    );
  return (
    <section className={styles.section} aria-labelledby="actions-title">
      <Title3 as="h3" id="actions-title">
        Open actions
      </Title3>
      {error && <Text role="alert">{error}</Text>}
      {data.openActions.length === 0 && (
        <Text>No open actions. Every retro ends with some: they show here until done.</Text>
      )}
      <ul className={styles.list}>
        {data.openActions.map((action) => {
          const mayTrack = canRun || action.owner.id === myId;
          return (
            <li key={action.id} className={styles.row}>
              <div className={own.grow}>
                <Text weight="semibold">{action.text}</Text>
                <br />
                <Text size={200}>
                  {action.owner.displayName} · due {action.dueDate}
                </Text>
              </div>
              {action.kind === "learningGoal" && <Badge appearance="outline">Learning goal</Badge>}
              {action.escalate && <Badge color="important">Escalated</Badge>}
              {action.status === "needHelp" && <Badge color="warning">Needs help</Badge>}
              {action.overdue && <Badge color="danger">Overdue</Badge>}
              {mayTrack && (
                <>
                  <Button
                    size="small"
                    onClick={() => void update(action, "done")}
                    aria-label={`Mark done: ${action.text}`}
                  >
                    Done
                  </Button>
                  {action.status === "open" && (
                    <Button
                      size="small"
                      onClick={() => void update(action, "needHelp")}
                      aria-label={`Ask for help: ${action.text}`}
                    >
                      Need help
                    </Button>
                  )}
                </>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
