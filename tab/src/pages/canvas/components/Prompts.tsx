import { Body1, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import type { CanvasSection } from "@practice-hub/shared";

const useStyles = makeStyles({
  guidance: {
    margin: 0,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    alignSelf: "start",
    "& ul": { margin: 0, paddingInlineStart: "20px" },
    "& li": { marginBlock: tokens.spacingVerticalXXS },
  },
});

/** The guiding questions of a section, shown beside its text and its editor. */
export function Prompts({ section }: { section: CanvasSection }) {
  const styles = useStyles();
  return (
    <aside
      className={styles.guidance}
      aria-label={`Questions to guide the ${section.title} section`}
    >
      <Subtitle2 as="h4">Questions to answer</Subtitle2>
      <ul>
        {section.prompts.map((prompt) => (
          <li key={prompt}>
            <Body1>{prompt}</Body1>
          </li>
        ))}
      </ul>
    </aside>
  );
}
