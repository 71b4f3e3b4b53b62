import { Badge, Button, Text, Title3 } from "@fluentui/react-components";
import type { Retro } from "@practice-hub/shared";
import { useRetroStyles } from "./retroStyles";

/** The vote: what is on the ballot, the counts, and for members while it is open their votes. */
export function Ballot({ retro, onVote }: { retro: Retro; onVote(target: string): void }) {
  const styles = useRetroStyles();
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
