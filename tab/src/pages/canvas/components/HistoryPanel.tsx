import { useState } from "react";
import { Button, Caption1, makeStyles, Subtitle2, Text, tokens } from "@fluentui/react-components";
import type { CanvasSection, CanvasVersion } from "@practice-hub/shared";
import { apiErrorOf } from "../../../api/errors";
import { bareList } from "../../../components/layoutStyles";
import { LoadState } from "../../../components/LoadState";
import { MarkdownView } from "../../../components/MarkdownView";
import type { Loaded } from "../../../components/useLoad";
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
  // The request for a page: the pages loaded so far stay shown while the next one loads or fails.
  const [request, setRequest] = useState<Loaded<null>>({ status: "ready", data: null });

  const load = async (cursor: string | null) => {
    setRequest({ status: "loading" });
    try {
      const page = await api.history({ communityId, sectionId: section.id, cursor });
      setPages((previous) => ({
        versions: [...(cursor ? (previous?.versions ?? []) : []), ...page.versions],
        nextCursor: page.nextCursor,
      }));
      setRequest({ status: "ready", data: null });
    } catch (caught) {
      setRequest({ status: "failed", error: apiErrorOf(caught) });
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
          <LoadState
            of={{ state: request, reload: () => void load(pages?.nextCursor ?? null) }}
            loading="Loading versions"
            failed="The history did not load"
          />
          {pages?.nextCursor && request.status !== "loading" && (
            <Button onClick={() => void load(pages.nextCursor)}>Load more</Button>
          )}
        </div>
      )}
    </div>
  );
}
