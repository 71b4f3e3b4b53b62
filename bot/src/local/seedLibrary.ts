import { defaultDigestSettings, toIso, type LibrarySection } from "@practice-hub/shared";
import { ConcurrencyError, isConflict, type Store } from "../store";
import { demoCommunityId, demoIdentities, demoTenantId } from "./demoIdentities";

const dayMs = 24 * 60 * 60 * 1000;

/** A fixed id keeps the seeded handbook entry the same across runs. */
const handbookEntryId = "5e3d1c2a-7b4f-4a8e-9c61-0d2f4b7a9e10";

function ref(id: string) {
  const identity = demoIdentities.find((person) => person.id === id);
  return { id, displayName: identity?.displayName ?? id };
}

const resources: {
  section: LibrarySection;
  title: string;
  url: string;
  why: string;
  tags: string[];
  by: string;
  approved: boolean;
  daysAgo: number;
}[] = [
  {
    section: "frameworks",
    title: "Opportunity solution tree template",
    url: "https://example.com/library/opportunity-solution-tree",
    why: "Keeps discovery tied to an outcome: the tree shows which experiments serve which opportunity.",
    tags: ["discovery", "templates"],
    by: "demo-champion",
    approved: true,
    daysAgo: 20,
  },
  {
    section: "reading",
    title: "Writing a one-page product strategy",
    url: "https://example.com/library/one-page-strategy",
    why: "A short, practical guide we used in the last learning session; good for new product managers.",
    tags: ["strategy"],
    by: "demo-member",
    approved: true,
    daysAgo: 5,
  },
  {
    section: "recordings",
    title: "Learning session: running useful roadmap reviews",
    url: "https://example.com/library/roadmap-reviews-recording",
    why: "For everyone who missed the session: the recording and the notes from the discussion.",
    tags: ["roadmaps", "recording"],
    by: "demo-champion",
    approved: true,
    daysAgo: 2,
  },
  {
    section: "tools",
    title: "Interview snapshot board",
    url: "https://example.com/library/interview-snapshots",
    why: "A lightweight way to share what we learn from each customer interview.",
    tags: ["research", "discovery"],
    by: "demo-member",
    approved: false,
    daysAgo: 1,
  },
];

async function ignoreExisting(write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (!isConflict(error) && !(error instanceof ConcurrencyError)) throw error;
  }
}

/**
 * Seeds the demo community's library, a handbook entry old enough to resurface, a recent join,
 * and the head of profession as a digest
 * recipient. Idempotent like the rest of the seed: a second run changes nothing.
 */
export async function seedLibraryData(props: { store: Store; now: Date }): Promise<void> {
  const { store, now } = props;
  const at = (days: number) => toIso(new Date(now.getTime() - days * dayMs));
  const scope = { tenantId: demoTenantId, communityId: demoCommunityId };

  for (const resource of resources) {
    const result = await store.library.suggest({
      ...scope,
      resource: {
        section: resource.section,
        title: resource.title,
        url: resource.url,
        why: resource.why,
        tags: resource.tags,
        suggestedBy: ref(resource.by),
        suggestedAt: at(resource.daysAgo + 1),
      },
    });
    if (result.outcome !== "suggested" || !resource.approved) continue;
    const { etag, ...fields } = result.resource;
    await store.library.updateResource({
      ...scope,
      resource: {
        ...fields,
        status: "approved",
        decidedBy: ref("demo-champion"),
        decidedAt: at(resource.daysAgo),
      },
      expectedEtag: etag,
    });
  }

  await ignoreExisting(() =>
    store.library.saveHandbookEntry({
      ...scope,
      entry: {
        id: handbookEntryId,
        title: "How we welcome new product managers",
        body: [
          "Every newcomer gets a buddy from another team for their first two months.",
          "",
          "In the first week the buddy introduces them in office hours, shares the canvas and the library, and asks what they want to learn and what they could teach.",
        ].join("\n"),
        version: 1,
        archived: false,
        createdAt: at(200),
        updatedAt: at(200),
        updatedBy: ref("demo-champion"),
        lastResurfacedAt: null,
      },
      expectedEtag: null,
    }),
  );

  const recent = await store.membershipEvents.listSince({
    tenantId: demoTenantId,
    communityId: demoCommunityId,
    sinceIso: at(120),
  });
  if (recent.length === 0) {
    await store.membershipEvents.record({
      ...scope,
      event: { person: ref("demo-member"), change: "joined", source: "manual", at: at(3) },
    });
  }

  const head = await store.digests.stateOf({ tenantId: demoTenantId, userId: "demo-head" });
  if (!head.settings) {
    await store.digests.saveSettings({
      tenantId: demoTenantId,
      userId: "demo-head",
      settings: defaultDigestSettings("Europe/London"),
    });
  }
}
