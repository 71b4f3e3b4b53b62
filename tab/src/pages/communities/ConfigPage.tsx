import { useCallback, useEffect, useRef, useState } from "react";
import {
  Body1,
  Caption1,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Field,
  Title2,
  tokens,
} from "@fluentui/react-components";
import { apiErrorOf } from "../../api/errors";
import { LoadState } from "../../components/LoadState";
import { useSignedInPerson } from "../../components/SignedInPerson";
import { useLoad } from "../../components/useLoad";
import { useEnvironment } from "../../environment";
import { communityTabUrl } from "../../launch";

const useStyles = makeStyles({
  root: {
    maxWidth: "640px",
    padding: tokens.spacingHorizontalXL,
    display: "grid",
    gap: tokens.spacingVerticalM,
  },
});

const noCommunities = (
  <MessageBar intent="info" layout="multiline">
    <MessageBarBody>
      You are not part of any community yet, so this tab has nothing to show. Open Practice Hub as a
      personal app to start a community, then come back to add the tab.
    </MessageBarBody>
  </MessageBar>
);

/**
 * The configurable tab's settings: which community this channel's tab shows. In Teams it enables
 * Save once a community is chosen and saves a content URL naming it; when the person saving is
 * one of its champions, saving also makes this channel the community's home (where the bot posts
 * and whose team's joins and leaves count). In a browser it shows the same chooser and the URL
 * Teams would save.
 */
export default function ConfigPage() {
  const styles = useStyles();
  const { api, host, launch } = useEnvironment();
  const loadCommunities = useCallback(() => api.communities(), [api]);
  const { state, reload } = useLoad(loadCommunities);
  const me = useSignedInPerson();
  const championOf = new Set(
    me.state.status === "ready"
      ? me.state.data.communities
          .filter((entry) => entry.roles.includes("champion"))
          .map((entry) => entry.communityId)
      : [],
  );
  const [chosenId, setChosenId] = useState<string | null>(launch.communityId);
  const communities = state.status === "ready" ? state.data.communities : [];
  const chosen = communities.find((community) => community.id === chosenId) ?? null;

  // Teams calls the save handler later; it must see the latest choice, not the first render's.
  const chosenRef = useRef({ community: chosen, links: false });
  const links = chosen !== null && championOf.has(chosen.id) && host.channelId !== null;
  useEffect(() => {
    chosenRef.current = { community: chosen, links };
  }, [chosen, links]);

  useEffect(() => {
    host.tabConfig?.onSave(async () => {
      const { community, links: linksChannel } = chosenRef.current;
      if (!community) throw new Error("Choose a community first.");
      if (linksChannel && host.channelId) {
        await api
          .linkChannel(community.id, { channelId: host.channelId, teamId: host.teamId })
          .catch((error: unknown) => {
            throw new Error(apiErrorOf(error).message);
          });
      }
      const url = communityTabUrl(window.location.origin, community.id);
      return {
        contentUrl: url,
        websiteUrl: url,
        entityId: `community-${community.id}`,
        suggestedDisplayName: community.name,
      };
    });
  }, [api, host]);

  useEffect(() => host.tabConfig?.setValidity(chosen !== null), [host, chosen]);

  return (
    <main className={styles.root}>
      <Title2 as="h1">Set up Practice Hub for this channel</Title2>
      <Body1>
        Choose the community of practice this channel belongs to. The tab will open on its canvas;
        people can still switch to their other communities.
      </Body1>
      <LoadState
        of={{ state, reload }}
        loading="Loading your communities"
        failed="Your communities did not load"

        empty={{ when: (data) => data.communities.length === 0, show: noCommunities }}
      >
        {() => (
          <Field label="Community">
            <RadioGroup value={chosenId ?? ""} onChange={(_event, data) => setChosenId(data.value)}>
              {communities.map((community) => (
                <Radio
                  key={community.id}
                  value={community.id}
                  label={`${community.name} (${community.profession})`}
                />
              ))}
            </RadioGroup>
          </Field>
        )}
      </LoadState>
      {chosen && host.kind === "teams" && (
        <Caption1>
          {links
            ? `Saving also makes this channel the home of ${chosen.name}: reminders, retros and the members' digest are posted here, and joins and leaves of this team count for it.`
            : `Only a champion of ${chosen.name} can make this channel its home for reminders, retros and the digest; the tab itself works either way.`}
        </Caption1>
      )}
      {host.kind === "browser" && chosen && (
        <Caption1>
          Outside Teams nothing is saved. Teams would open this tab at{" "}
          <Link href={communityTabUrl(window.location.origin, chosen.id)}>
            {communityTabUrl(window.location.origin, chosen.id)}
          </Link>
          .
        </Caption1>
      )}
    </main>
  );
}
