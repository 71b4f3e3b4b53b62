import { useCallback, useState } from "react";
import { Caption1, makeStyles, Tab, TabList, tokens } from "@fluentui/react-components";
import type { CanvasSection, CanvasSectionId, Community } from "@practice-hub/shared";
import { row, stack } from "../../components/layoutStyles";
import { useConfirmLeave } from "../../components/LeaveGuard";
import { LoadState } from "../../components/LoadState";
import { PageTitle } from "../../components/PageTitle";
import { useLoad } from "../../components/useLoad";
import { useEnvironment } from "../../environment";
import { ReviewStatus } from "./components/ReviewStatus";
import { SectionPanel } from "./components/SectionPanel";

const useStyles = makeStyles({
  root: stack("M"),
  heading: row("S", "baseline"),
  layout: {
    display: "grid",
    gap: tokens.spacingHorizontalL,
    gridTemplateColumns: "minmax(180px, 220px) minmax(0, 1fr)",
    alignItems: "start",
    "@media (max-width: 720px)": { gridTemplateColumns: "minmax(0, 1fr)" },
  },
  sectionTab: { display: "flex", flexDirection: "column", alignItems: "flex-start" },
});

/**
 * The community canvas: seven sections every member can read and champions fill in. One section
 * is open at a time; moving to another while editing asks first.
 */
export default function CanvasPage({ community }: { community: Community }) {
  const styles = useStyles();
  const { api } = useEnvironment();
  const confirmLeave = useConfirmLeave();
  const loadCanvas = useCallback(() => api.canvas(community.id), [api, community.id]);
  const { state, reload, update } = useLoad(loadCanvas);
  const [openId, setOpenId] = useState<CanvasSectionId>("purpose");

  const replaceSection = useCallback(
    (next: CanvasSection) =>
      update((canvas) => ({
        ...canvas,
        sections: canvas.sections.map((section) => (section.id === next.id ? next : section)),
      })),
    [update],
  );

  return (
    <LoadState of={{ state, reload }} loading="Loading the canvas" failed="The canvas did not load">
      {(canvas) => {
        const open = canvas.sections.find((section) => section.id === openId) ?? canvas.sections[0];
        return (
          <div className={styles.root}>
            <div className={styles.heading}>
              <PageTitle>Community canvas</PageTitle>
              <Caption1>{community.name}</Caption1>
            </div>
            <ReviewStatus
              canvas={canvas}
              onReviewed={(review) => update((current) => ({ ...current, ...review }))}
            />
            <div className={styles.layout}>
              <TabList
                vertical
                aria-label="Canvas sections"
                selectedValue={open?.id}
                onTabSelect={(_event, data) => {
                  const next = data.value as CanvasSectionId;
                  void confirmLeave().then((leave) => leave && setOpenId(next));
                }}
              >
                {canvas.sections.map((section) => (
                  <Tab key={section.id} value={section.id}>
                    <span className={styles.sectionTab}>
                      {section.title}
                      {section.version === 0 && <Caption1>Not written yet</Caption1>}
                    </span>
                  </Tab>
                ))}
              </TabList>
              {open && (
                <SectionPanel
                  key={open.id}
                  communityId={canvas.communityId}
                  section={open}
                  canEdit={canvas.allowedActions.includes("update")}
                  onSectionChange={replaceSection}
                />
              )}
            </div>
          </div>
        );
      }}
    </LoadState>
  );
}
