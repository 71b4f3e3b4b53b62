import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import type { Ritual } from "@practice-hub/shared";
import { differenceSentence, type FieldDifference } from "../ritualMerge";

/** What a stale save tells the person: their values are kept, and saving again keeps them. */
export function staleSentence(saved: Ritual, differences: readonly FieldDifference[]): string {
  const kept = `Someone changed ${saved.name} while you were editing. Your changes are still here: save to replace the saved version with them`;
  return differences.length === 0 ? `${kept}.` : `${kept}, or use the saved version.`;
}

/**
 * After a save met a newer version: what was kept, where the form differs from the saved
 * version, and a way to take the saved version instead.
 */
export function StaleRitualNotice({
  saved,
  differences,
  onUseSaved,
}: {
  saved: Ritual;
  differences: readonly FieldDifference[];
  onUseSaved(): void;
}) {
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        {staleSentence(saved, differences)}
        {differences.length > 0 && (
          <ul aria-label="Where your changes differ from the saved version">
            {differences.map((difference) => (
              <li key={difference.label}>{differenceSentence(difference)}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
      {differences.length > 0 && (
        <MessageBarActions>
          <Button onClick={onUseSaved}>Use the saved version</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
