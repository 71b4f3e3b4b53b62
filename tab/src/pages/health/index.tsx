import { useCallback } from "react";
import { Body1, makeStyles, Title2, Title3, tokens } from "@fluentui/react-components";
import type { Community } from "@practice-hub/shared";
import { stack } from "../../components/layoutStyles";
import { LoadState } from "../../components/LoadState";
import { rolesIn, useSignedInPerson } from "../../components/SignedInPerson";
import { useLoad } from "../../components/useLoad";
import { useEnvironment } from "../../environment";
import { DigestSections } from "../digest";

const useStyles = makeStyles({
  root: stack("XL"),
  section: stack("M"),
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
});

/**
 * Health across communities for heads of profession and champions: the warning signs with their
 * reasons, the weekly digest exactly as it will arrive (with its delivery settings), and for a
 * community's champions the members' version with "send now".
 */
export default function HealthPage({ community }: { community: Community }) {
  const styles = useStyles();
  const { api, host } = useEnvironment();
  const champion = rolesIn(useSignedInPerson(), community.id).includes("champion");
  const loadSignals = useCallback(() => api.digest.healthSignals(host.timeZone), [api, host]);
  const signals = useLoad(loadSignals);

  return (
    <div className={styles.root}>
      <section className={styles.section} aria-labelledby="signals-heading">
        <Title2 as="h2" id="signals-heading" className={styles.title}>
          Health across your communities
        </Title2>
        <LoadState
          of={{ state: signals.state }}
          loading="Loading health signals"
          failed="Health signals did not load"
          empty={{
            when: (data) => data.communities.length === 0,
            show: <Body1>Health signals show for the communities you lead.</Body1>,
          }}
        >
          {(data) =>
            data.communities.map((entry) => (
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
            ))
          }
        </LoadState>
      </section>

      <DigestSections community={community} champion={champion} />
    </div>
  );
}
