import { useCallback } from "react";
import { Button, Caption1, Field, Input, makeStyles, Subtitle2 } from "@fluentui/react-components";
import type { Community } from "@practice-hub/shared";
import { ErrorState } from "../../../components/ErrorState";
import { row, stack } from "../../../components/layoutStyles";
import { useAction } from "../../../components/useAction";
import { useLoad } from "../../../components/useLoad";
import { useEnvironment } from "../../../environment";

const useStyles = makeStyles({
  root: stack("S"),
  row: row("S", "end"),
  url: { minWidth: "min(480px, 100%)" },
});

/**
 * The community's calendar subscription, for champions: the URL is a secret (anyone with it
 * sees the rituals), so it can be renewed, which breaks the old one, or turned off. It is shown
 * only right after it is made: the service keeps a hash of it, not the URL itself.
 */
export function FeedPanel({ community }: { community: Community }) {
  const styles = useStyles();
  const { api } = useEnvironment();
  const load = useCallback(() => api.calendar.feed(community.id), [api, community.id]);
  const { state, update } = useLoad(load);
  const action = useAction();
  const error = action.error;

  const run = (work: () => Promise<string | null>, done: string) =>
    action.run(async () => {
      const url = await work();
      update(() => ({ url, active: url !== null }));
    }, done);

  if (state.status !== "ready") return null;
  const { url, active } = state.data;
  return (
    <section className={styles.root} aria-labelledby="feed-heading">
      <Subtitle2 as="h3" id="feed-heading">
        Calendar subscription
      </Subtitle2>
      {error && <ErrorState title="The subscription did not change" error={error} />}
      <div className={styles.row}>
        {url && (
          <Field label="Subscription URL (keep it private)" className={styles.url}>
            <Input readOnly value={url} />
          </Field>
        )}
        {active && !url && (
          <Caption1>
            The subscription is on. Its URL is shown only when it is made; if you need it again,
            make a new URL (the old one stops working).
          </Caption1>
        )}
        <Button
          onClick={() =>
            void run(
              async () => (await api.calendar.renewFeed(community.id)).url,
              active
                ? "New subscription URL made; the old one no longer works."
                : "Subscription on.",
            )
          }
        >
          {active ? "Make a new URL" : "Turn on the subscription"}
        </Button>
        {active && (
          <Button
            onClick={() =>
              void run(async () => {
                await api.calendar.revokeFeed(community.id);
                return null;
              }, "Subscription turned off.")
            }
          >
            Turn off
          </Button>
        )}
      </div>
      <Caption1>
        Add the URL to Outlook or any calendar app that subscribes to internet calendars.
      </Caption1>
    </section>
  );
}
