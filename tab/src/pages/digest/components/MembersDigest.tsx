import { useCallback } from "react";
import { Button, makeStyles, Text } from "@fluentui/react-components";
import type { Community } from "@practice-hub/shared";
import { row, stack } from "../../../components/layoutStyles";
import { LoadState } from "../../../components/LoadState";
import { Notice } from "../../../components/Notice";
import { PageTitle } from "../../../components/PageTitle";
import { useAction } from "../../../components/useAction";
import { useLoad } from "../../../components/useLoad";
import { useEnvironment } from "../../../environment";
import { formatDateTime } from "../../../format";
import { sendStatusView } from "../sendStatus";
import { AdaptiveCardView } from "./AdaptiveCardView";

const useStyles = makeStyles({
  section: stack("M"),
  buttons: row("M"),
});

/**
 * For a community's champions: the members' version of the digest, where this week's stands
 * (with "send now" or "check again"), and who Teams refused to deliver to.
 */
export function MembersDigest({ community }: { community: Community }) {
  const styles = useStyles();
  const { api, host } = useEnvironment();
  const loadMembers = useCallback(
    () =>
      api.digest.preview({
        audience: "members",
        communityId: community.id,
        timeZone: host.timeZone,
      }),
    [api, host, community.id],
  );
  const members = useLoad(loadMembers);
  const loadUnreachable = useCallback(
    () => api.digest.unreachable(community.id),
    [api, community.id],
  );
  const unreachable = useLoad(loadUnreachable);
  const loadSendStatus = useCallback(
    () => api.digest.sendStatus(community.id),
    [api, community.id],
  );
  const sendStatus = useLoad(loadSendStatus);
  const send = useAction();
  const when = (iso: string) => formatDateTime(iso, host.locale, host.timeZone);
  const sendView =
    sendStatus.state.status === "ready" ? sendStatusView(sendStatus.state.data, when) : null;

  const sendNow = () =>
    send.run(
      async () => {
        const result = await api.digest.sendNow(community.id);
        sendStatus.update(() => result);
        return result;
      },
      (result) => sendStatusView(result, when).text,
    );

  return (
    <section className={styles.section} aria-labelledby="members-digest-heading">
      <PageTitle id="members-digest-heading">{community.name}: the members' digest</PageTitle>
      {members.state.status === "ready" && (
        <AdaptiveCardView
          card={members.state.data.card}
          label={`Preview of the members' digest of ${community.name}`}
        />
      )}
      <LoadState
        of={{ state: sendStatus.state }}
        loading="Loading where this week's digest stands"
        failed="Where this week's digest stands did not load"
      />
      {sendView && (
        <Notice intent={sendView.intent} layout="multiline">
          {sendView.text}
          {sendView.detail && (
            <>
              <br />
              <Text size={200}>{sendView.detail}</Text>
            </>
          )}
        </Notice>
      )}
      {sendView && (
        <div className={styles.buttons}>
          {sendView.action && (
            <Button appearance="primary" disabled={send.busy} onClick={() => void sendNow()}>
              {sendView.action}
            </Button>
          )}
          {sendStatus.state.status === "ready" && sendStatus.state.data.status === "queued" && (
            <Button onClick={sendStatus.reload}>Check again</Button>
          )}
        </div>
      )}
      {send.error && <Notice intent="error">{send.error.message}</Notice>}
      {unreachable.state.status === "ready" && unreachable.state.data.recipients.length > 0 && (
        <Notice intent="warning" layout="multiline">
          Teams refused to deliver to:{" "}
          {unreachable.state.data.recipients
            .map((r) => `${r.displayName} (since ${when(r.since)})`)
            .join(", ")}
          . They may have blocked or removed the app; ask them to open Practice Hub in Teams again.
        </Notice>
      )}
    </section>
  );
}
