import { useCallback, useEffect, useRef, useState } from "react";
import {
  Badge,
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  Select,
  Text,
  Textarea,
  Title2,
  Title3,
  tokens,
} from "@fluentui/react-components";
import {
  learningGoalFrom,
  nextRetroPhase,
  pageSizes,
  retroLimits,
  type AddRetroActionRequest,
  type PersonRef,
  type Retro,
  type RetroAction,
  type RetroEntry,
  type RetroTheme,
} from "@practice-hub/shared";
import { apiErrorOf } from "../../../api/errors";
import { appendPage } from "../../../api/paging";
import { useAnnounce } from "../../../components/Announcer";
import { ErrorState } from "../../../components/ErrorState";
import { FormError } from "../../../components/FormError";
import { Loading } from "../../../components/Loading";
import { MarkdownView } from "../../../components/MarkdownView";
import { useFormErrors } from "../../../components/useFormErrors";
import { ShowMore } from "../../../components/ShowMore";
import { useLoad } from "../../../components/useLoad";
import { useEnvironment } from "../../../environment";
import { newSubmissionKey, staleRetroOf } from "../../../api/retros";
import {
  addTheme,
  assignEntry,
  canvasPurposeOf,
  moveLabels,
  phaseNames,
  rebaseThemes,
  themeOf,
} from "../retroView";

const useStyles = makeStyles({
  root: { display: "grid", gap: tokens.spacingVerticalL },
  bar: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM },
  section: { display: "grid", gap: tokens.spacingVerticalS },
  form: { display: "grid", gap: tokens.spacingVerticalS, maxWidth: "560px" },
  list: {
    listStyleType: "none",
    padding: 0,
    margin: 0,
    display: "grid",
    gap: tokens.spacingVerticalS,
  },
  row: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  grow: { flexGrow: 1, minWidth: "200px" },
});

/** One retro: whatever its phase asks of the person looking at it. */
export function RetroDetail(props: { communityId: string; retroId: string; onBack(): void }) {
  const styles = useStyles();
  const { api } = useEnvironment();
  const announce = useAnnounce();
  const load = useCallback(
    () => api.retros.get(props.communityId, props.retroId),
    [api, props.communityId, props.retroId],
  );
  const { state, reload, update } = useLoad(load);
  const [error, setError] = useState<string | null>(null);

  /** Runs a change, shows its error in words, and reloads the retro. */
  const run = async (change: () => Promise<unknown>, done: string) => {
    setError(null);
    try {
      await change();
      announce(done);
      reload();
    } catch (caught) {
      setError(apiErrorOf(caught).message);
    }
  };

  if (state.status === "loading") return <Loading label="Loading the retro" />;
  if (state.status === "failed")
    return <ErrorState title="The retro did not load" error={state.error} onRetry={reload} />;
  const retro = state.data;
  const facilitates = retro.allowedActions.includes("facilitate");
  const next = nextRetroPhase(retro.phase);

  return (
    <div className={styles.root}>
      <div className={styles.bar}>
        <Button onClick={props.onBack}>Back to retros</Button>
        <Title2 as="h2">{retro.title}</Title2>
        <Badge appearance="tint">{phaseNames[retro.phase]}</Badge>
        <Text>{retro.format.title}</Text>
        {facilitates && next && (
          <Button
            appearance="primary"
            onClick={() =>
              void run(
                () => api.retros.move(props.communityId, retro.id, next),
                `Moved to ${phaseNames[next]}`,
              )
            }
          >
            {moveLabels[retro.phase]}
          </Button>
        )}
      </div>
      {error && (
        <Text role="alert" style={{ color: tokens.colorPaletteRedForeground1 }}>
          {error}
        </Text>
      )}
      {retro.reviewActions.length > 0 && retro.phase === "collect" && (
        <ActionList title="Still open from earlier retros" actions={retro.reviewActions} />
      )}
      <section className={styles.section} aria-labelledby="counts-title">
        <Title3 as="h3" id="counts-title">
          Entries
        </Title3>
        <ul className={styles.list}>
          {retro.format.prompts.map((prompt) => (
            <li key={prompt.id}>
              <Text weight="semibold">{prompt.label}</Text>: {retro.counts[prompt.id] ?? 0}{" "}
              {retro.counts[prompt.id] === 1 ? "entry" : "entries"}
              {prompt.hint && <Text size={200}> · {prompt.hint}</Text>}
              {prompt.linksTo === "canvasPurpose" && (
                <CanvasPurpose communityId={props.communityId} />
              )}
            </li>
          ))}
        </ul>
      </section>
      {retro.phase === "collect" && retro.allowedActions.includes("contribute") && (
        <EntryForm
          retro={retro}
          onAdded={(counts) => update((current) => ({ ...current, counts }))}
        />
      )}
      {retro.phase === "group" && facilitates && (
        <Grouping retro={retro} onSaved={(saved) => update(() => saved)} onError={setError} />
      )}
      {retro.phase !== "collect" && !(retro.phase === "group" && facilitates) && (
        <Entries
          retro={retro}
          onHide={(entry, reason) =>
            void run(
              () =>
                api.retros.hideEntry({
                  communityId: props.communityId,
                  retroId: retro.id,
                  entryId: entry.id,
                  reason,
                }),
              "Entry hidden",
            )
          }
        />
      )}
      {(retro.phase === "vote" || retro.phase === "decide" || retro.phase === "closed") && (
        <Ballot
          retro={retro}
          onVote={(target) =>
            void run(
              () => api.retros.vote(props.communityId, retro.id, target, newSubmissionKey()),
              "Vote counted",
            )
          }
        />
      )}
      {(retro.phase === "decide" || retro.phase === "closed") && (
        <ActionList title="Actions" actions={retro.actions} />
      )}
      {retro.phase === "decide" && facilitates && (
        <ActionForm
          retro={retro}
          communityId={props.communityId}
          onAdd={async (request) => {
            await api.retros.addAction(props.communityId, retro.id, request);
            announce("Action added");
            reload();
          }}
        />
      )}
    </div>
  );
}

/** Where the API's paths of a new entry land on the form. */
const entryPlacement = { promptId: "prompt", score: "score", text: "text" } as const;

function EntryForm({
  retro,
  onAdded,
}: {
  retro: Retro;
  onAdded(counts: Record<string, number>): void;
}) {
  const styles = useStyles();
  const { api } = useEnvironment();
  const announce = useAnnounce();
  const [promptId, setPromptId] = useState(retro.format.prompts[0]?.id ?? "");
  const [text, setText] = useState("");
  const [score, setScore] = useState("3");
  const [named, setNamed] = useState(false);
  const errors = useFormErrors(entryPlacement, { prompt: promptId, score, text });
  const [busy, setBusy] = useState(false);
  // One key per submission: kept while the same text is retried, renewed once it is stored.
  const key = useRef(newSubmissionKey());

  const submit = async () => {
    setBusy(true);
    errors.clear();
    try {
      const answer = await api.retros.addEntry(retro.communityId, retro.id, {
        promptId,
        text,
        anonymous: !named,
        ...(retro.format.scored ? { score: Number(score) } : {}),
        submissionKey: key.current,
      });
      key.current = newSubmissionKey();
      setText("");
      onAdded(answer.counts);
      announce("Entry added");
    } catch (caught) {
      errors.fail(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.section} aria-labelledby="add-title">
      <Title3 as="h3" id="add-title">
        Add an entry
      </Title3>
      <div className={styles.form}>
        <Field label="Prompt" {...errors.field("prompt")}>
          <Select value={promptId} onChange={(_e, data) => setPromptId(data.value)}>
            {retro.format.prompts.map((prompt) => (
              <option key={prompt.id} value={prompt.id}>
                {prompt.label}
              </option>
            ))}
          </Select>
        </Field>
        {retro.format.scored && (
          <Field label="Score from 1 (poor) to 5 (great)" {...errors.field("score")}>
            <Select value={score} onChange={(_e, data) => setScore(data.value)}>
              {[1, 2, 3, 4, 5].map((value) => (
                <option key={value} value={String(value)}>
                  {value}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <Field label="Your entry" {...errors.field("text")}>
          <Textarea
            value={text}
            maxLength={retroLimits.entryText}
            onChange={(_e, data) => setText(data.value)}
          />
        </Field>
        <Checkbox
          checked={named}
          onChange={(_e, data) => setNamed(data.checked === true)}
          label="Show my name with this entry (entries are anonymous otherwise)"
        />
        <FormError error={errors.formError} />
        <div>
          <Button
            appearance="primary"
            disabled={busy || text.trim() === ""}
            onClick={() => void submit()}
          >
            Add entry
          </Button>
        </div>
      </div>
    </section>
  );
}

/** Grouping with the keyboard: each entry has a theme picker; themes are created by name. */
function Grouping({
  retro,
  onSaved,
  onError,
}: {
  retro: Retro;
  onSaved(retro: Retro): void;
  onError(message: string): void;
}) {
  const styles = useStyles();
  const { api } = useEnvironment();
  const announce = useAnnounce();
  // The version the facilitator is grouping on: the retro as loaded, or as someone else saved it
  // when a save was refused as stale. Its etag goes with the next save.
  const [server, setServer] = useState<Retro>(retro);
  const [themes, setThemes] = useState<RetroTheme[]>(retro.themes);
  const [newTitle, setNewTitle] = useState("");
  const [rebased, setRebased] = useState<string | null>(null);
  useEffect(() => {
    setServer(retro);
    setThemes(retro.themes);
  }, [retro]);

  const save = async () => {
    setRebased(null);
    try {
      const saved = await api.retros.saveThemes({
        communityId: server.communityId,
        retroId: server.id,
        etag: server.etag,
        themes,
      });
      onSaved(saved);
      announce("Themes saved");
    } catch (caught) {
      const current = staleRetroOf(caught);
      if (!current) {
        onError(apiErrorOf(caught).message);
        return;
      }
      const merged = rebaseThemes({
        mine: themes,
        base: server.themes,
        theirs: current.themes,
        entryIds: current.entries.map((entry) => entry.id),
      });
      setServer(current);
      setThemes(merged.themes);
      const added =
        merged.addedTitles.length > 0
          ? ` Their new themes were added: ${merged.addedTitles.join(", ")}.`
          : "";
      const message = `Someone else saved themes while you were grouping. Your grouping is kept on top of theirs.${added} Check it, then save again.`;
      setRebased(message);
      announce(message);
    }
  };

  return (
    <section className={styles.section} aria-labelledby="group-title">
      <Title3 as="h3" id="group-title">
        Group entries into themes
      </Title3>
      {rebased && <Text role="status">{rebased}</Text>}
      <div className={styles.bar}>
        <Field label="New theme">
          <Input
            value={newTitle}
            maxLength={retroLimits.themeTitle}
            onChange={(_e, data) => setNewTitle(data.value)}
          />
        </Field>
        <Button
          disabled={newTitle.trim() === ""}
          onClick={() => {
            setThemes((current) => addTheme(current, newTitle));
            announce(`Theme ${newTitle.trim()} added`);
            setNewTitle("");
          }}
        >
          Add theme
        </Button>
      </div>
      <ul className={styles.list}>
        {server.entries.map((entry) => (
          <li key={entry.id} className={styles.row}>
            <Text className={styles.grow}>{entry.text}</Text>
            <Field label="Theme" orientation="horizontal">
              <Select
                aria-label={`Theme for: ${entry.text}`}
                value={themeOf(themes, entry.id) ?? ""}
                onChange={(_e, data) =>
                  setThemes((current) => assignEntry(current, entry.id, data.value || null))
                }
              >
                <option value="">No theme</option>
                {themes.map((theme) => (
                  <option key={theme.id} value={theme.id}>
                    {theme.title}
                  </option>
                ))}
              </Select>
            </Field>
          </li>
        ))}
      </ul>
      <div>
        <Button appearance="primary" onClick={() => void save()}>
          Save themes
        </Button>
      </div>
    </section>
  );
}

function Entries({
  retro,
  onHide,
}: {
  retro: Retro;
  onHide(entry: RetroEntry, reason: string): void;
}) {
  const styles = useStyles();
  const [hiding, setHiding] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const moderates = retro.allowedActions.includes("moderate");
  const promptLabel = (id: string) => retro.format.prompts.find((p) => p.id === id)?.label ?? id;
  return (
    <section className={styles.section} aria-labelledby="entries-title">
      <Title3 as="h3" id="entries-title">
        What people said
      </Title3>
      <ul className={styles.list}>
        {retro.entries.map((entry) => (
          <li key={entry.id} className={styles.row}>
            <div className={styles.grow}>
              <Text>{entry.text}</Text>
              <br />
              <Text size={200}>
                {promptLabel(entry.promptId)} ·{" "}
                {entry.author ? entry.author.displayName : "Anonymous"}
                {entry.score !== null && ` · score ${entry.score}`}
                {entry.hidden &&
                  ` · hidden by ${entry.hidden.by.displayName}: ${entry.hidden.reason}`}
              </Text>
            </div>
            {moderates && !entry.hidden && retro.phase !== "closed" && hiding !== entry.id && (
              <Button
                size="small"
                onClick={() => setHiding(entry.id)}
                aria-label={`Hide: ${entry.text}`}
              >
                Hide
              </Button>
            )}
            {hiding === entry.id && (
              <>
                <Field label="Reason (recorded)">
                  <Input
                    value={reason}
                    maxLength={retroLimits.hideReason}
                    onChange={(_e, data) => setReason(data.value)}
                  />
                </Field>
                <Button
                  size="small"
                  disabled={reason.trim() === ""}
                  onClick={() => {
                    onHide(entry, reason);
                    setHiding(null);
                    setReason("");
                  }}
                >
                  Hide entry
                </Button>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Ballot({ retro, onVote }: { retro: Retro; onVote(target: string): void }) {
  const styles = useStyles();
  const voting = retro.phase === "vote" && retro.allowedActions.includes("contribute");
  const left = Math.max(0, retro.votesPerPerson - retro.myVotes.length);
  return (
    <section className={styles.section} aria-labelledby="ballot-title">
      <Title3 as="h3" id="ballot-title">
        {retro.phase === "vote" ? "Vote" : "Votes"}
      </Title3>
      {voting && (
        <Text>
          You have {left} of {retro.votesPerPerson} votes left. {retro.votesCast} votes cast so far.
        </Text>
      )}
      <ul className={styles.list}>
        {retro.voteItems.map((item) => (
          <li key={item.target} className={styles.row}>
            <Text className={styles.grow}>
              {item.title}
              {item.entryCount > 1 && ` (${item.entryCount} entries)`}
            </Text>
            {item.votes !== null && <Badge>{item.votes} votes</Badge>}
            {retro.myVotes.includes(item.target) && <Badge appearance="outline">Your vote</Badge>}
            {voting && (
              <Button
                size="small"
                disabled={left === 0}
                onClick={() => onVote(item.target)}
                aria-label={`Vote for: ${item.title}`}
              >
                Vote
              </Button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function ActionList({ title, actions }: { title: string; actions: RetroAction[] }) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-label={title}>
      <Title3 as="h3">{title}</Title3>
      {actions.length === 0 && <Text>None yet.</Text>}
      <ul className={styles.list}>
        {actions.map((action) => (
          <li key={action.id} className={styles.row}>
            <Text className={styles.grow}>
              {action.text} · {action.owner.displayName} · due {action.dueDate}
            </Text>
            {action.kind === "learningGoal" && <Badge appearance="outline">Learning goal</Badge>}
            {action.escalate && <Badge color="important">Escalated</Badge>}
            {action.status !== "open" && (
              <Badge color={action.status === "done" ? "success" : "warning"}>
                {action.status === "done" ? "Done" : "Needs help"}
              </Badge>
            )}
            {action.overdue && <Badge color="danger">Overdue</Badge>}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Where the API's paths of a new action land on the form. */
const actionPlacement = { text: "text", owner: "owner", dueDate: "dueDate" } as const;

function ActionForm({
  retro,
  communityId,
  onAdd,
}: {
  retro: Retro;
  communityId: string;
  /** Resolves once the action is stored; rejects with the API's error otherwise. */
  onAdd(request: AddRetroActionRequest): Promise<void>;
}) {
  const styles = useStyles();
  const { api } = useEnvironment();
  // Owners are chosen from the members: the largest page, and more on request.
  const loadPeople = useCallback(
    () => api.people.people(communityId, null, pageSizes.people.max),
    [api, communityId],
  );
  const { state: people, update: updatePeople } = useLoad(loadPeople);
  const morePeople = async () => {
    if (people.status !== "ready" || !people.data.nextCursor) return;
    const page = await api.people.people(communityId, people.data.nextCursor, pageSizes.people.max);
    updatePeople((current) => ({
      ...current,
      members: appendPage(current.members, page.members, (member) => member.person.id),
      nextCursor: page.nextCursor,
    }));
  };
  const known: PersonRef[] =
    people.status === "ready"
      ? people.data.members.map((member) => member.person)
      : [retro.startedBy];
  const [text, setText] = useState("");
  const [kind, setKind] = useState<"action" | "learningGoal">("action");
  const [ownerId, setOwnerId] = useState("");
  const [dueDate, setDueDate] = useState("");
  const [escalate, setEscalate] = useState(false);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(actionPlacement, { text, owner: ownerId, dueDate });
  // One key per action: a retried or double-clicked submission stores one action.
  const key = useRef(newSubmissionKey());
  const owner = known.find((person) => person.id === ownerId);
  const top = retro.voteItems[0];

  const submit = async () => {
    if (!owner) return;
    setBusy(true);
    errors.clear();
    try {
      await onAdd({
        text,
        kind,
        owner: { id: owner.id },
        dueDate,
        escalate,
        submissionKey: key.current,
      });
      // Cleared only once stored: a failed request keeps what was typed for another try.
      key.current = newSubmissionKey();
      setText("");
      setKind("action");
      setEscalate(false);
    } catch (caught) {
      errors.fail(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.section} aria-labelledby="decide-title">
      <Title3 as="h3" id="decide-title">
        Add an action
      </Title3>
      <div className={styles.form}>
        <Field label="What will be done" {...errors.field("text")}>
          <Textarea
            value={text}
            maxLength={retroLimits.actionText}
            onChange={(_e, data) => setText(data.value)}
          />
        </Field>
        {top && (
          <div>
            <Button
              size="small"
              onClick={() => {
                setText(learningGoalFrom(top.title));
                setKind("learningGoal");
              }}
            >
              Turn the top complaint into a learning goal
            </Button>
          </div>
        )}
        <Checkbox
          checked={kind === "learningGoal"}
          onChange={(_e, data) => setKind(data.checked === true ? "learningGoal" : "action")}
          label="This is a learning goal"
        />
        <Field label="Owner" {...errors.field("owner")}>
          <Select value={ownerId} onChange={(_e, data) => setOwnerId(data.value)}>
            <option value="">Choose an owner</option>
            {known.map((person) => (
              <option key={person.id} value={person.id}>
                {person.displayName}
              </option>
            ))}
          </Select>
        </Field>
        {people.status === "ready" && people.data.nextCursor && (
          <ShowMore label="Show more people to choose from" onMore={morePeople} />
        )}
        <Field label="Due date" {...errors.field("dueDate")}>
          <Input type="date" value={dueDate} onChange={(_e, data) => setDueDate(data.value)} />
        </Field>
        <Checkbox
          checked={escalate}
          onChange={(_e, data) => setEscalate(data.checked === true)}
          label="Escalate to leadership"
        />
        <FormError error={errors.formError} />
        <div>
          <Button
            appearance="primary"
            disabled={busy || !owner || text.trim() === "" || dueDate === ""}
            onClick={() => void submit()}
          >
            Add action
          </Button>
        </div>
      </div>
    </section>
  );
}

/** The canvas purpose, shown beside the prompt that asks whether it is still right. */
function CanvasPurpose({ communityId }: { communityId: string }) {
  const { api } = useEnvironment();
  const load = useCallback(() => api.canvas(communityId), [api, communityId]);
  const { state } = useLoad(load);
  if (state.status === "loading") return null;
  const purpose = state.status === "ready" ? canvasPurposeOf(state.data) : null;
  return (
    <div
      data-testid="canvas-purpose"
      style={{ margin: `${tokens.spacingVerticalXS} 0 0 ${tokens.spacingHorizontalL}` }}
    >
      {purpose ? (
        <>
          <Text size={200} weight="semibold">
            Our purpose on the canvas:
          </Text>
          <MarkdownView source={purpose} />
        </>
      ) : (
        <Text size={200}>
          {state.status === "failed"
            ? "The canvas purpose could not be loaded: read it on the Canvas tab."
            : "The canvas has no purpose written yet: this is a good moment to write one."}
        </Text>
      )}
    </div>
  );
}
