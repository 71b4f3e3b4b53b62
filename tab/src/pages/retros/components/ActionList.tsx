import { Badge, Text, Title3 } from "@fluentui/react-components";
import type { RetroAction } from "@practice-hub/shared";
import { useRetroStyles } from "./retroStyles";

/** Actions of a retro (or still open from earlier ones), with their status. */
export function ActionList({ title, actions }: { title: string; actions: RetroAction[] }) {
  const styles = useRetroStyles();
  return (
    <section className={styles.section} aria-label={title}>
      <Title3 as="h3">{title}</Title3>
      {actions.length === 0 && <Text>None yet.</Text>}
      <ul className={styles.list}>
        {actions.map((action) => (
          <li key={action.id} className={styles.row}>
            <Text className={styles.grow}>
              {action.text} · {action.owner.displayName} · due {action.dueDate}
            </Text>
            {action.kind === "learningGoal" && <Badge appearance="outline">Learning goal</Badge>}
            {action.escalate && <Badge color="important">Escalated</Badge>}
            {action.status !== "open" && (
              <Badge color={action.status === "done" ? "success" : "warning"}>
                {action.status === "done" ? "Done" : "Needs help"}
              </Badge>
            )}
            {action.overdue && <Badge color="danger">Overdue</Badge>}
          </li>
        ))}
      </ul>
    </section>
  );
}
