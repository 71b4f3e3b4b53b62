import { useCallback, useState } from "react";
import {
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Text,
} from "@fluentui/react-components";
import { row, stack } from "../../../components/layoutStyles";
import { ModalDialog } from "../../../components/ModalDialog";
import type { ApiError, Community, LocalDate, Ritual } from "@practice-hub/shared";
import { apiErrorOf } from "../../../api/errors";
import { useAnnounce } from "../../../components/Announcer";
import { ErrorState } from "../../../components/ErrorState";
import { LoadState } from "../../../components/LoadState";
import { useAction } from "../../../components/useAction";
import { useLoad } from "../../../components/useLoad";
import { useEnvironment } from "../../../environment";
import { staleRitualOf } from "../../../api/rituals";
import { scheduleSummary } from "../calendarView";
import { RitualForm } from "./RitualForm";

const useStyles = makeStyles({
  root: stack("S"),
  list: { ...stack("S"), margin: 0, padding: 0 },
  item: { ...row("S", "center"), listStyleType: "none" },
  name: { marginInlineEnd: "auto", display: "grid" },
});

/**
 * The community's rituals, for champions: each can be edited (schedule, segment, reminders) or
 * deleted after a confirmation. Both send the version shown; when someone changed the ritual
 * meanwhile the list says so and reloads, as the canvas does.
 */
export function RitualList(props: {
  community: Community;
  timeZone: string;
  today: LocalDate;
  /** Called after a change, so the calendar shows the new sessions. */
  onChanged(): void;
}) {
  const styles = useStyles();
  const { api } = useEnvironment();
  const announce = useAnnounce();
  const communityId = props.community.id;
  const load = useCallback(() => api.calendar.rituals(communityId), [api, communityId]);
  const { state, reload } = useLoad(load);
  const [editing, setEditing] = useState<Ritual | null>(null);
  const [deleting, setDeleting] = useState<Ritual | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const action = useAction({
    clear: () => {
      setError(null);
      setNotice(null);
    },
    fail: (caught: unknown) => {
      setDeleting(null);
      const current = staleRitualOf(caught);
      if (!current) {
        setError(apiErrorOf(caught));
        return;
      }
      const message = `Someone changed ${current.name} since the list was loaded, so it was not deleted. The list now shows the saved version: check it, then delete again if you still want to.`;
      setNotice(message);
      announce(message);
      reload();
    },
  });
  const { busy } = action;

  const remove = (ritual: Ritual) =>
    action.run(async () => {
      await api.calendar.deleteRitual(communityId, ritual);
      setDeleting(null);
      reload();
      props.onChanged();
    }, `${ritual.name} deleted.`);

  // The section stays mounted while the list reloads, so an open form keeps what was typed.
  return (
    <section className={styles.root} aria-labelledby="rituals-heading">
      <Subtitle2 as="h3" id="rituals-heading">
        Rituals
      </Subtitle2>
      {notice && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {error && <ErrorState title="The ritual was not deleted" error={error} />}
      <LoadState
        of={{ state, reload }}
        failed="The rituals did not load"
        empty={{ when: (data) => data.rituals.length === 0, show: <Text>No rituals yet.</Text> }}
      >
        {(data) => (
          <ul className={styles.list} aria-labelledby="rituals-heading">
            {data.rituals.map((ritual) => (
              <li key={ritual.id} className={styles.item}>
                <span className={styles.name}>
                  <Text weight="semibold">{ritual.name}</Text>
                  <Caption1>
                    {scheduleSummary(ritual.schedule)}
                    {ritual.segment ? ` (for ${ritual.segment})` : ""}
                  </Caption1>
                </span>
                <Button aria-label={`Edit ${ritual.name}`} onClick={() => setEditing(ritual)}>
                  Edit
                </Button>
                <Button aria-label={`Delete ${ritual.name}`} onClick={() => setDeleting(ritual)}>
                  Delete
                </Button>
              </li>
            ))}
          </ul>
        )}
      </LoadState>
      {editing && (
        <RitualForm
          community={props.community}
          timeZone={props.timeZone}
          communityZones={
            state.status === "ready"
              ? [...new Set(state.data.rituals.map((r) => r.schedule.timeZone))]
              : []
          }
          today={props.today}
          ritual={editing}
          onStale={reload}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
            props.onChanged();
          }}
        />
      )}
      {deleting && (
        <ModalDialog
          title={`Delete ${deleting.name}?`}
          onClose={() => setDeleting(null)}
          surface={{ "aria-describedby": "delete-ritual-text" }}
          actions={
            <>
              <Button appearance="primary" disabled={busy} onClick={() => void remove(deleting)}>
                Delete ritual
              </Button>
              <Button onClick={() => setDeleting(null)}>Keep it</Button>
            </>
          }
        >
          <Text id="delete-ritual-text">
            All its sessions leave the calendar, with their answers, notes and attendance. To keep
            its history, give it an end date instead.
          </Text>
        </ModalDialog>
      )}
    </section>
  );
}
