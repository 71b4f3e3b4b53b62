import {
  Body1,
  Button,
  Caption1,
  makeStyles,
  Text,
  Title2,
  tokens,
} from "@fluentui/react-components";
import type { DemoPerson, DevPeopleResponse } from "@practice-hub/shared";

const useStyles = makeStyles({
  root: { maxWidth: "640px", margin: "0 auto", padding: tokens.spacingHorizontalXXL },
  list: {
    listStyleType: "none",
    padding: 0,
    display: "grid",
    gap: tokens.spacingVerticalM,
  },
  person: {
    width: "100%",
    justifyContent: "flex-start",
    textAlign: "start",
    padding: tokens.spacingHorizontalL,
  },
  label: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
});

/**
 * Browser mode on a local stack: there is no single sign-on outside Teams, so the visitor picks
 * one of the seeded demo people and sees the app as that person would.
 */
export function PersonPicker({
  people,
  onChoose,
}: {
  people: DevPeopleResponse["people"];
  onChoose(person: DemoPerson): void;
}) {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Title2 as="h1">Who are you today?</Title2>
      <Body1 as="p">
        This is Practice Hub running outside Teams on a local demo. Pick one of the demo people to
        see the app through their eyes; you can switch at any time.
      </Body1>
      <ul className={styles.list}>
        {people.map((person) => (
          <li key={person.id}>
            <Button className={styles.person} onClick={() => onChoose(person.id)}>
              <span className={styles.label}>
                <Text weight="semibold">{person.displayName}</Text>
                <Caption1>{person.description}</Caption1>
              </span>
            </Button>
          </li>
        ))}
      </ul>
    </main>
  );
}
