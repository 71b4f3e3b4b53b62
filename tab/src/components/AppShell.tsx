import { lazy, Suspense, useCallback, useState } from "react";
import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Tab,
  TabList,
  Text,
  Title3,
  tokens,
} from "@fluentui/react-components";
import { useEnvironment } from "../environment";
import { replaceQueryParam } from "../launch";
import { ErrorState } from "./ErrorState";
import { useConfirmLeave } from "./LeaveGuard";
import { Loading } from "./Loading";
import { useLoad } from "./useLoad";

const CanvasPage = lazy(() => import("../pages/canvas/CanvasPage"));
const CalendarPage = lazy(() => import("../pages/calendar/CalendarPage"));
const RetrosPage = lazy(() => import("../pages/retros/RetrosPage"));
const CommunitiesPage = lazy(() => import("../pages/CommunitiesPage"));
const NoCommunities = lazy(() => import("../pages/NoCommunities"));
const LibraryPage = lazy(() => import("../pages/library/LibraryPage"));
const PeoplePage = lazy(() => import("../pages/people/PeoplePage"));
const HealthPage = lazy(() => import("../pages/health/HealthPage"));

type Page = "communities" | "canvas" | "calendar" | "retros" | "library" | "people" | "health";

const useStyles = makeStyles({
  header: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalL,
    paddingBlock: tokens.spacingVerticalM,
    paddingInline: tokens.spacingHorizontalXL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: { margin: 0, marginInlineEnd: "auto" },
  person: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  nav: {
    paddingInline: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  main: {
    paddingBlock: tokens.spacingVerticalL,
    paddingInline: tokens.spacingHorizontalXL,
    display: "grid",
    gap: tokens.spacingVerticalM,
  },
});

/**
 * The frame around every page: the community switcher, who is signed in, and the navigation.
 * The channel tab opens on the canvas of its configured community; the personal tab opens on the
 * list of the caller's communities.
 */
export function AppShell({ personal }: { personal: boolean }) {
  const styles = useStyles();
  const { api, launch, demo } = useEnvironment();
  const confirmLeave = useConfirmLeave();
  const loadCommunities = useCallback(() => api.communities(), [api]);
  const { state, reload } = useLoad(loadCommunities);
  const [chosenId, setChosenId] = useState<string | null>(launch.communityId);
  const [page, setPage] = useState<Page>(personal ? "communities" : "canvas");

  const communities = state.status === "ready" ? state.data.communities : [];
  const selected = communities.find((community) => community.id === chosenId) ?? communities[0];
  const configuredMissing =
    state.status === "ready" &&
    chosenId !== null &&
    communities.length > 0 &&
    !communities.some((community) => community.id === chosenId);

  const openCommunity = async (communityId: string, then: Page = page) => {
    if (!(await confirmLeave())) return;
    setChosenId(communityId);
    replaceQueryParam("community", communityId);
    setPage(then);
  };

  const switchPerson = async () => {
    if (await confirmLeave()) demo?.switchPerson();
  };

  return (
    <>
      <header className={styles.header}>
        <Title3 as="h1" className={styles.title}>
          Practice Hub
        </Title3>
        {selected && (
          <Field label="Community" orientation="horizontal">
            <Select value={selected.id} onChange={(_event, data) => void openCommunity(data.value)}>
              {communities.map((community) => (
                <option key={community.id} value={community.id}>
                  {community.name}
                </option>
              ))}
            </Select>
          </Field>
        )}
        {demo && (
          <div className={styles.person}>
            <Text>
              Signed in as <Text weight="semibold">{demo.displayName}</Text>
            </Text>
            <Button size="small" onClick={() => void switchPerson()}>
              Switch person
            </Button>
          </div>
        )}
      </header>
      <nav className={styles.nav} aria-label="Practice Hub areas">
        <TabList
          selectedValue={page}
          onTabSelect={(_event, data) => {
            const next = data.value as Page;
            void confirmLeave().then((leave) => leave && setPage(next));
          }}
        >
          {personal && <Tab value="communities">My communities</Tab>}
          <Tab value="canvas">Canvas</Tab>
          <Tab value="calendar">Calendar</Tab>
          <Tab value="retros">Retros</Tab>
          <Tab value="library">Library</Tab>
          <Tab value="people">People</Tab>
          <Tab value="health">Health</Tab>
        </TabList>
      </nav>
      <main className={styles.main}>
        {state.status === "loading" && <Loading label="Loading your communities" />}
        {state.status === "failed" && (
          <ErrorState title="Your communities did not load" error={state.error} onRetry={reload} />
        )}
        <Suspense fallback={<Loading label="Loading" />}>
          {state.status === "ready" && !selected && (
            <NoCommunities
              onCreated={(community) => {
                setChosenId(community.id);
                replaceQueryParam("community", community.id);
                setPage("canvas");
                reload();
              }}
            />
          )}
          {configuredMissing && (
            <MessageBar intent="warning">
              <MessageBarBody>
                This tab was set up for a community you cannot see (it may have been removed, or you
                are not part of it). Showing {selected?.name} instead.
              </MessageBarBody>
            </MessageBar>
          )}
          {selected && page === "communities" && (
            <CommunitiesPage
              communities={communities}
              onOpen={(communityId) => void openCommunity(communityId, "canvas")}
            />
          )}
          {selected && page === "canvas" && <CanvasPage key={selected.id} community={selected} />}
          {selected && page === "calendar" && (
            <CalendarPage key={selected.id} community={selected} />
          )}
          {selected && page === "retros" && <RetrosPage key={selected.id} community={selected} />}
          {selected && page === "library" && <LibraryPage key={selected.id} community={selected} />}
          {selected && page === "people" && <PeoplePage key={selected.id} community={selected} />}
          {selected && page === "health" && <HealthPage key={selected.id} community={selected} />}
        </Suspense>
      </main>
    </>
  );
}
