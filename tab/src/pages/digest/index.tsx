import { useCallback } from "react";
import { makeStyles } from "@fluentui/react-components";
import type { Community } from "@practice-hub/shared";
import { stack } from "../../components/layoutStyles";
import { LoadState } from "../../components/LoadState";
import { PageTitle } from "../../components/PageTitle";
import { useLoad } from "../../components/useLoad";
import { useEnvironment } from "../../environment";
import { AdaptiveCardView } from "./components/AdaptiveCardView";
import { DigestSettingsForm } from "./components/DigestSettingsForm";
import { MembersDigest } from "./components/MembersDigest";

const useStyles = makeStyles({
  section: stack("M"),
});

/**
 * The digest area (shown on the Health page, where its signals come from): the signed-in
 * person's weekly digest exactly as it will arrive, with its delivery settings, and for a
 * community's champions the members' version with "send now".
 */
export function DigestSections({
  community,
  champion,
}: {
  community: Community;
  champion: boolean;
}) {
  const styles = useStyles();
  const { api, host } = useEnvironment();
  const loadLead = useCallback(
    () => api.digest.preview({ audience: "lead", timeZone: host.timeZone }),
    [api, host],
  );
  const lead = useLoad(loadLead);
  return (
    <>
      <section className={styles.section} aria-labelledby="digest-heading">
        <PageTitle id="digest-heading">Your weekly digest</PageTitle>
        <DigestSettingsForm timeZone={host.timeZone} />
        <LoadState
          of={{ state: lead.state }}
          loading="Loading the digest preview"
          failed="The preview did not load"
        >
          {(data) => <AdaptiveCardView card={data.card} label="Preview of your weekly digest" />}
        </LoadState>
      </section>
      {champion && <MembersDigest community={community} />}
    </>
  );
}
