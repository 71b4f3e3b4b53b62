import {
  Badge,
  Body1,
  Button,
  Caption1,
  makeStyles,
  Subtitle2,
  Title2,
  tokens,
} from "@fluentui/react-components";
import type { Community } from "@practice-hub/shared";
import { row } from "../../components/layoutStyles";
import { rolesIn, useSignedInPerson } from "../../components/SignedInPerson";

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    padding: 0,
    marginTop: tokens.spacingVerticalL,
    marginBottom: 0,
    marginInline: 0,
    display: "grid",
    gap: tokens.spacingVerticalM,
    gridTemplateColumns: "repeat(auto-fill, minmax(280px, 1fr))",
  },
  item: {
    display: "grid",
    gap: tokens.spacingVerticalS,
    alignContent: "start",
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    "& h3": { margin: 0 },
  },
  roles: row("XS"),
  open: { justifySelf: "start" },
});

/** The personal tab's home: every community the caller can see, with their roles in it. */
export default function CommunitiesPage({
  communities,
  onOpen,
}: {
  communities: Community[];
  onOpen(communityId: string): void;
}) {
  const styles = useStyles();
  const me = useSignedInPerson();

  return (
    <section aria-labelledby="communities-heading">
      <Title2 as="h2" id="communities-heading">
        My communities
      </Title2>
      <ul className={styles.list}>
        {communities.map((community) => (
          <li key={community.id} className={styles.item}>
            <Subtitle2 as="h3">{community.name}</Subtitle2>
            <Caption1>{community.profession}</Caption1>
            {community.description && <Body1>{community.description}</Body1>}
            {rolesIn(me, community.id).length > 0 && (
              <div className={styles.roles} aria-label="Your roles">
                {rolesIn(me, community.id).map((role) => (
                  <Badge key={role} appearance="tint">
                    {role}
                  </Badge>
                ))}
              </div>
            )}
            <Button
              className={styles.open}
              appearance="primary"
              aria-label={`Open the canvas of ${community.name}`}
              onClick={() => onOpen(community.id)}
            >
              Open canvas
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
