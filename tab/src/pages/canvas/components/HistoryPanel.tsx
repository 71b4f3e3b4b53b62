import { useState } from "react";
import { Button, Caption1, makeStyles, Subtitle2, Text, tokens } from "@fluentui/react-components";
import type { ApiError, CanvasSection, CanvasVersion } from "@practice-hub/shared";
import { apiErrorOf } from "../../../api/errors";
import { ErrorState } from "../../../components/ErrorState";
import { bareList } from "../../../components/layoutStyles";
import { Loading } from "../../../components/Loading";
import { MarkdownView } from "../../../components/MarkdownView";
import { useEnvironment } from "../../../environment";
import { formatDateTime } from "../../../format";

const useStyles = makeStyles({
  list: bareList,
  item: {
    paddingBlock: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    "& summary": { cursor: "pointer" },
  },
  body: { paddingInlineStart: tokens.spacingHorizontalL },
});

interface Pages {
  versions: CanvasVersion[];
  nextCursor: string | null;
}

/**
 * Earlier versions of one section, newest first, a page at a time. Closed by default: most
 * visits are to read the canvas, and the history costs a request.
 */
export function HistoryPanel({
  communityId,
  section,
}: {
  communityId: string;
  section: CanvasSection;
}) {
  const styles = useStyles();
  const { api, host } = useEnvironment();
  const [open, setOpen] = useState(false);
  const [pages, setPages] = useState<Pages | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const load = async (cursor: string | null) => {
    setLoading(true);
    setError(null);
    try {
      const page = await api.history({ communityId, sectionId: section.id, cursor });
      setPages((previous) => ({
        versions: [...(cursor ? (previous?.versions ?? []) : []), ...page.versions],
        nextCursor: page.nextCursor,
      }));
    } catch (caught) {
      setError(apiErrorOf(caught));
    } finally {
      setLoading(false);
    }
  };

  const toggle = () => {
    const next = !open;
    setOpen(next);
    if (next && pages === null) void load(null);
  };

  if (section.version === 0) return null;
  const regionId = `history-${section.id}`;
  return (
    <div>
      <Button appearance="subtle" aria-expanded={open} aria-controls={regionId} onClick={toggle}>
        {open ? "Hide version history" : "Show version history"}
      </Button>
      {open && (
        <div id={regionId}>
          <Subtitle2 as="h4">Version history</Subtitle2>
          {pages && (
            <ul className={styles.list}>
              {pages.versions.map((version) => (
                <li key={version.version} className={styles.item}>
                  <details>
                    <summary>
                      <Text weight="semibold">Version {version.version}</Text>{" "}
                      <Caption1>
                        by {version.updatedBy.displayName},{" "}
                        {formatDateTime(version.updatedAt, host.locale, host.timeZone)}
                      </Caption1>
                    </summary>
                    <div className={styles.body}>
                      {version.content.trim() ? (
                        <MarkdownView source={version.content} />
                      ) : (
                        <Caption1>This version was empty.</Caption1>
                      )}
                    </div>
                  </details>
                </li>
              ))}
            </ul>
          )}
          {loading && <Loading label="Loading versions" />}
          {error && (
            <ErrorState
              title="The history did not load"
              error={error}
              onRetry={() => void load(pages?.nextCursor ?? null)}
            />
          )}
          {pages?.nextCursor && !loading && (
            <Button onClick={() => void load(pages.nextCursor)}>Load more</Button>
          )}
        </div>
      )}
    </div>
  );
}
