import { useEffect, useState } from "react";
import { Button, Field, Input, Select, Text, Title3 } from "@fluentui/react-components";
import { retroLimits, type Retro, type RetroTheme } from "@practice-hub/shared";
import { staleRetroOf } from "../../../api/retros";
import { useAnnounce } from "../../../components/Announcer";
import { useEnvironment } from "../../../environment";
import { addTheme, assignEntry, rebaseThemes, themeOf } from "../retroView";
import { useRetroStyles } from "./retroStyles";

/** Grouping with the keyboard: each entry has a theme picker; themes are created by name. */
export function Grouping({
  retro,
  onSaved,
  onError,
}: {
  retro: Retro;
  onSaved(retro: Retro): void;
  onError(caught: unknown): void;
}) {
  const styles = useRetroStyles();
  const { api } = useEnvironment();
  const announce = useAnnounce();
  // The version the facilitator is grouping on: the retro as loaded, or as someone else saved it
  // when a save was refused as stale. Its etag goes with the next save.
  const [server, setServer] = useState<Retro>(retro);
  const [themes, setThemes] = useState<RetroTheme[]>(retro.themes);
  const [newTitle, setNewTitle] = useState("");
  const [rebased, setRebased] = useState<string | null>(null);
  useEffect(() => {
    setServer(retro);
    setThemes(retro.themes);
  }, [retro]);

  const save = async () => {
    setRebased(null);
    try {
      const saved = await api.retros.saveThemes({
        communityId: server.communityId,
        retroId: server.id,
        etag: server.etag,
        themes,
      });
      onSaved(saved);
      announce("Themes saved");
    } catch (caught) {
      const current = staleRetroOf(caught);
      if (!current) {
        onError(caught);
        return;
      }
      const merged = rebaseThemes({
        mine: themes,
        base: server.themes,
        theirs: current.themes,
        entryIds: current.entries.map((entry) => entry.id),
      });
      setServer(current);
      setThemes(merged.themes);
      const added =
        merged.addedTitles.length > 0
          ? ` Their new themes were added: ${merged.addedTitles.join(", ")}.`
          : "";
      const message = `Someone else saved themes while you were grouping. Your grouping is kept on top of theirs.${added} Check it, then save again.`;
      setRebased(message);
      announce(message);
    }
  };

  return (
    <section className={styles.section} aria-labelledby="group-title">
      <Title3 as="h3" id="group-title">
        Group entries into themes
      </Title3>
      {rebased && <Text role="status">{rebased}</Text>}
      <div className={styles.bar}>
        <Field label="New theme">
          <Input
            value={newTitle}
            maxLength={retroLimits.themeTitle}
            onChange={(_e, data) => setNewTitle(data.value)}
          />
        </Field>
        <Button
          disabled={newTitle.trim() === ""}
          onClick={() => {
            setThemes((current) => addTheme(current, newTitle));
            announce(`Theme ${newTitle.trim()} added`);
            setNewTitle("");
          }}
        >
          Add theme
        </Button>
      </div>
      <ul className={styles.list}>
        {server.entries.map((entry) => (
          <li key={entry.id} className={styles.row}>
            <Text className={styles.grow}>{entry.text}</Text>
            <Field label="Theme" orientation="horizontal">
              <Select
                aria-label={`Theme for: ${entry.text}`}
                value={themeOf(themes, entry.id) ?? ""}
                onChange={(_e, data) =>
                  setThemes((current) => assignEntry(current, entry.id, data.value || null))
                }
              >
                <option value="">No theme</option>
                {themes.map((theme) => (
                  <option key={theme.id} value={theme.id}>
                    {theme.title}
                  </option>
                ))}
              </Select>
            </Field>
          </li>
        ))}
      </ul>
      <div>
        <Button appearance="primary" onClick={() => void save()}>
          Save themes
        </Button>
      </div>
    </section>
  );
}
