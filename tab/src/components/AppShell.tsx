import {
  lazy,
  Suspense,
  useCallback,
  useState,
  type ComponentType,
  type LazyExoticComponent,
} from "react";
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
import type { Community } from "@practice-hub/shared";
import { useEnvironment } from "../environment";
import { replaceQueryParam } from "../launch";
import { GuardedRouter, useAddress } from "../routing/GuardedRouter";
import { appPaths, readAddress, type Area } from "../routing/routes";
import { useConfirmLeave } from "./LeaveGuard";
import { row } from "./layoutStyles";
import { Loading } from "./Loading";
import { LoadState } from "./LoadState";
import { useSignedInPerson } from "./SignedInPerson";
import { useLoad } from "./useLoad";

type PageModule = { default: ComponentType<{ community: Community }> };
const pageLoaders: Record<Exclude<Area, "communities">, () => Promise<PageModule>> = {
  canvas: () => import("../pages/canvas"),
  calendar: () => import("../pages/rituals"),
  retros: () => import("../pages/retros"),
  library: () => import("../pages/library"),
  people: () => import("../pages/people"),
  health: () => import("../pages/health"),
};
const pages = Object.fromEntries(
  Object.entries(pageLoaders).map(([area, load]) => [area, lazy(load)]),
) as Record<
  Exclude<Area, "communities">,
  LazyExoticComponent<ComponentType<{ community: Community }>>
>;
const loadCommunitiesPage = () => import("../pages/communities");
const CommunitiesPage = lazy(loadCommunitiesPage);

/**
 * Starts loading the code of the page the tab opens on (main.tsx calls it first thing), so it
 * arrives while the tab signs in and loads its data instead of after them. `hash` is the
 * address (routing/routes.ts); a failed load is left to the page's own import to report.
 */
export function preloadLandingPage(personal: boolean, hash: string): void {
  const { area } = readAddress(hash.replace(/^#/, ""), personal ? "communities" : "canvas");
  const load =
    area === "communities"
      ? personal
        ? loadCommunitiesPage
        : pageLoaders.canvas
      : pageLoaders[area];
  load().catch(() => undefined);
}
const NoCommunities = lazy(() => import("../pages/communities/components/NoCommunities"));

const useStyles = makeStyles({
  header: {
    ...row("L", "center"),
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
 * Each area has an address (routing/routes.ts); the channel tab lands on the canvas of its
 * configured community, the personal tab on the list of the caller's communities.
 */
export function AppShell({ personal }: { personal: boolean }) {
  return (
    <GuardedRouter landing={personal ? "communities" : "canvas"}>
      <Shell personal={personal} />
    </GuardedRouter>
  );
}

function Shell({ personal }: { personal: boolean }) {
  const styles = useStyles();
  const { api, launch, demo } = useEnvironment();
  const confirmLeave = useConfirmLeave();
  const { address, navigate } = useAddress();
  const me = useSignedInPerson();
  // The community list belongs to the personal tab; a channel tab shows its canvas instead.
  const area: Area = address.area === "communities" && !personal ? "canvas" : address.area;
  const loadCommunities = useCallback(() => api.communities(), [api]);
  const { state, reload } = useLoad(loadCommunities);
  const [chosenId, setChosenId] = useState<string | null>(launch.communityId);

  const communities = state.status === "ready" ? state.data.communities : [];
  const selected = communities.find((community) => community.id === chosenId) ?? communities[0];
  const configuredMissing =
    state.status === "ready" &&
    chosenId !== null &&
    communities.length > 0 &&
    !communities.some((community) => community.id === chosenId);

  /** Shows another community, on the same area (not on a thing of the one left) or on `then`. */
  const openCommunity = async (communityId: string, then: Area = area) => {
    if (!(await confirmLeave())) return;
    setChosenId(communityId);
    replaceQueryParam("community", communityId);
    navigate(appPaths.area(then), { confirmed: true });
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
          selectedValue={area}
          onTabSelect={(_event, data) => navigate(appPaths.area(data.value as Area))}
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
        <LoadState
          of={{ state, reload }}
          loading="Loading your communities"
          failed="Your communities did not load"
        />
        <Suspense fallback={<Loading label="Loading" />}>
          {state.status === "ready" && !selected && (
            <NoCommunities
              onCreated={(community) => {
                setChosenId(community.id);
                replaceQueryParam("community", community.id);
                navigate(appPaths.area("canvas"), { confirmed: true });
                reload();
                // The creator is its first champion: their roles changed.
                me.reload();
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
          {selected && area === "communities" && (
            <CommunitiesPage
              communities={communities}
              onOpen={(communityId) => void openCommunity(communityId, "canvas")}
            />
          )}
          {selected && area !== "communities" && <AreaPage area={area} community={selected} />}
        </Suspense>
      </main>
    </>
  );
}

/** The page of an area, mounted afresh for each community so nothing of the last one shows. */
function AreaPage({
  area,
  community,
}: {
  area: Exclude<Area, "communities">;
  community: Community;
}) {
  const Page = pages[area];
  return <Page key={community.id} community={community} />;
}
