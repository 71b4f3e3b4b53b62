import { useState } from "react";
import { Button, Field, Input, Text, Title3 } from "@fluentui/react-components";
import { retroLimits, type Retro, type RetroEntry } from "@practice-hub/shared";
import { useRetroStyles } from "./retroStyles";

/** What people said, with hiding (and its recorded reason) for moderators. */
export function Entries({
  retro,
  onHide,
}: {
  retro: Retro;
  onHide(entry: RetroEntry, reason: string): void;
}) {
  const styles = useRetroStyles();
  const [hiding, setHiding] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const moderates = retro.allowedActions.includes("moderate");
  const promptLabel = (id: string) => retro.format.prompts.find((p) => p.id === id)?.label ?? id;
  return (
    <section className={styles.section} aria-labelledby="entries-title">
      <Title3 as="h3" id="entries-title">
        What people said
      </Title3>
      <ul className={styles.list}>
        {retro.entries.map((entry) => (
          <li key={entry.id} className={styles.row}>
            <div className={styles.grow}>
              <Text>{entry.text}</Text>
              <br />
              <Text size={200}>
                {promptLabel(entry.promptId)} ·{" "}
                {entry.author ? entry.author.displayName : "Anonymous"}
                {entry.score !== null && ` · score ${entry.score}`}
                {entry.hidden &&
                  ` · hidden by ${entry.hidden.by.displayName}: ${entry.hidden.reason}`}
              </Text>
            </div>
            {moderates && !entry.hidden && retro.phase !== "closed" && hiding !== entry.id && (
              <Button
                size="small"
                onClick={() => setHiding(entry.id)}
                aria-label={`Hide: ${entry.text}`}
              >
                Hide
              </Button>
            )}
            {hiding === entry.id && (
              <>
                <Field label="Reason (recorded)">
                  <Input
                    value={reason}
                    maxLength={retroLimits.hideReason}
                    onChange={(_e, data) => setReason(data.value)}
                  />
                </Field>
                <Button
                  size="small"
                  disabled={reason.trim() === ""}
                  onClick={() => {
                    onHide(entry, reason);
                    setHiding(null);
                    setReason("");
                  }}
                >
                  Hide entry
                </Button>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
