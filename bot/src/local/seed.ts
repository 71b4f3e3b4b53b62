import type { CanvasSectionId, CommunityRole, TenantRole } from "@practice-hub/shared";
import { toIso } from "@practice-hub/shared";
import { ConcurrencyError, isConflict, type Store } from "../store";
import { demoCommunityId, demoIdentities, demoTenantId, otherTenantId } from "./demoIdentities";
import { seedLibraryData } from "./seedLibrary";
import { seedRetros } from "./seedRetros";
import { seedRituals } from "./seedRituals";

const dayMs = 24 * 60 * 60 * 1000;

/** The second demo-tenant community, so that lists are not trivially one item long. */
export const serviceDesignCommunityId = "service-design";
/** The other tenant's community: its person must never see the demo tenant. */
export const outsiderCommunityId = "design";

const championRef = {
  id: "demo-champion",
  displayName: demoIdentities.find((person) => person.id === "demo-champion")?.displayName ?? "",
};

const communities = [
  {
    tenantId: demoTenantId,
    communityId: demoCommunityId,
    name: "Product Management",
    profession: "Product management",
    description:
      "Product managers from every team, learning from each other's discovery, prioritisation and delivery work.",
  },
  {
    tenantId: demoTenantId,
    communityId: serviceDesignCommunityId,
    name: "Service Design",
    profession: "Design",
    description: "Designers who shape end-to-end services, from research to the last touchpoint.",
  },
  {
    tenantId: otherTenantId,
    communityId: outsiderCommunityId,
    name: "Design",
    profession: "Design",
    description: "The design community of another organisation.",
  },
];

/** Canvas text written for the demo: three sections filled in, four left for the champion. */
const productCanvas: Partial<Record<CanvasSectionId, string>> = {
  purpose: [
    "We help product managers across the organisation get better at the craft together, instead of each team relearning the same lessons alone.",
    "",
    "- **Who it is for:** anyone doing product management work, whatever their job title, plus people moving into the role.",
    "- **In scope:** discovery, prioritisation, working with delivery teams, stakeholder conversations, career growth.",
    "- **Out of scope:** team-specific roadmap decisions and tool administration; those have their own forums.",
  ].join("\n"),
  values: [
    "- Questions of every size are welcome; nobody is expected to know everything.",
    "- We share what went wrong as openly as what went right. A failed experiment is useful data.",
    "- We disagree about ideas, never about people, and we assume good intent.",
    "- What is said in a session stays in the room unless the speaker says it can travel.",
  ].join("\n"),
  rituals: [
    "We started small and add rituals only when the current ones run smoothly.",
    "",
    "- **Office hours**, weekly, 30 minutes: drop in with any practical question.",
    "- **Learning session**, monthly, 60 minutes: a short talk by a member, then open discussion. Presenters rotate.",
    "",
    "Sessions alternate between a morning and an afternoon slot so colleagues in other time zones can join, and every talk is recorded.",
  ].join("\n"),
};

async function ignoreExisting(write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (!isConflict(error) && !(error instanceof ConcurrencyError)) throw error;
  }
}

const memberships: { userId: string; communityId: string; roles: CommunityRole[] }[] = [
  { userId: "demo-champion", communityId: demoCommunityId, roles: ["champion", "member"] },
  { userId: "demo-member", communityId: demoCommunityId, roles: ["member"] },
  { userId: "demo-champion", communityId: serviceDesignCommunityId, roles: ["member"] },
  { userId: "demo-outsider", communityId: outsiderCommunityId, roles: ["champion", "member"] },
];

const tenantRoles: { userId: string; roles: TenantRole[] }[] = [
  { userId: "demo-head", roles: ["headOfProfession"] },
];

/**
 * Seeds the demo tenant and the other tenant. Idempotent: every write is an insert that is
 * skipped when the row exists, so a second run changes nothing (not even ETags or dates).
 */
export async function seedDemoData(props: { store: Store; now: Date }): Promise<void> {
  const { store, now } = props;
  const createdAt = toIso(new Date(now.getTime() - 120 * dayMs));
  for (const community of communities) {
    await ignoreExisting(() =>
      store.communities.create({
        community: { ...community, createdAt, createdBy: championRef.id },
      }),
    );
    const reviewed =
      community.communityId === demoCommunityId
        ? { reviewedAt: toIso(new Date(now.getTime() - 40 * dayMs)), reviewedBy: championRef }
        : {};
    await ignoreExisting(() =>
      store.canvas.createCanvas({
        tenantId: community.tenantId,
        communityId: community.communityId,
        ...reviewed,
      }),
    );
  }

  const writtenAt = toIso(new Date(now.getTime() - 45 * dayMs));
  for (const [sectionId, content] of Object.entries(productCanvas)) {
    await ignoreExisting(() =>
      store.canvas.saveSection({
        tenantId: demoTenantId,
        communityId: demoCommunityId,
        sectionId: sectionId as CanvasSectionId,
        content,
        version: 1,
        updatedAt: writtenAt,
        updatedBy: championRef,
        expectedEtag: null,
      }),
    );
  }

  // A demo person as the membership writes name them.
  const person = (userId: string) => {
    const identity = demoIdentities.find((candidate) => candidate.id === userId);
    if (!identity) throw new Error(`unknown demo person ${userId}`);
    return { tenantId: identity.tenantId, userId, displayName: identity.displayName };
  };
  for (const { userId, communityId, roles } of memberships) {
    await ignoreExisting(() =>
      store.memberships.addCommunityMembership({ ...person(userId), communityId, roles }),
    );
  }
  for (const { userId, roles } of tenantRoles) {
    await ignoreExisting(() => store.memberships.addTenantRoles({ ...person(userId), roles }));
  }
  await seedLibraryData({ store, now });
  await seedRetros({ store, now });
  await seedRituals({ store, now });
}
