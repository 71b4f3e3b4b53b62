import { useCallback } from "react";
import { Badge, Button, Text, Title2, Title3 } from "@fluentui/react-components";
import { nextRetroPhase } from "@practice-hub/shared";
import { newSubmissionKey } from "../../../api/retros";
import { useAnnounce } from "../../../components/Announcer";
import { FormError } from "../../../components/FormError";
import { useAction } from "../../../components/useAction";
import { LoadState } from "../../../components/LoadState";
import { useLoad } from "../../../components/useLoad";
import { useEnvironment } from "../../../environment";
import { moveLabels, phaseNames } from "../retroView";
import { ActionForm } from "./ActionForm";
import { ActionList } from "./ActionList";
import { Ballot } from "./Ballot";
import { CanvasPurpose } from "./CanvasPurpose";
import { Entries } from "./Entries";
import { EntryForm } from "./EntryForm";
import { Grouping } from "./Grouping";
import { useRetroStyles } from "./retroStyles";

/** One retro: whatever its phase asks of the person looking at it. */
export function RetroDetail(props: { communityId: string; retroId: string; onBack(): void }) {
  const styles = useRetroStyles();
  const { api } = useEnvironment();
  const announce = useAnnounce();
  const load = useCallback(
    () => api.retros.get(props.communityId, props.retroId),
    [api, props.communityId, props.retroId],
  );
  const { state, reload, update } = useLoad(load);
  const action = useAction();

  /** Runs a change, shows its error in words, and reloads the retro. */
  const run = (change: () => Promise<unknown>, done: string) =>
    action.run(async () => {
      await change();
      reload();
    }, done);

  return (
    <LoadState of={{ state, reload }} loading="Loading the retro" failed="The retro did not load">
      {(retro) => {
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
            <FormError error={action.error} />
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
              <Grouping
                retro={retro}
                onSaved={(saved) => update(() => saved)}
                onError={action.fail}
              />
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
      }}
    </LoadState>
  );
}
