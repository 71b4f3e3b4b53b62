/**
 * Who the local stack pretends exists. The demo tenant is also the tenant the Agents Playground
 * sends in its activities (see .m365agentsplayground.yml), so the bot and the tab see one world.
 */
export const demoTenantId = "00000000-0000-4000-8000-00000000d301";
/** A second tenant: its person must never see the first tenant's communities. */
export const otherTenantId = "00000000-0000-4000-8000-00000000d302";
export const demoCommunityId = "product-management";
/**
 * The Agents Playground's team and its General channel (.m365agentsplayground.yml; a team's
 * General channel has the team's id). The seed links them to the demo community, so `retro`,
 * reminders and the members' digest land there and the team's joins and leaves count for it.
 */
export const demoTeamId = "19:practice-hub-demo-general@thread.tacv2";
export const demoGeneralChannelId = demoTeamId;

export interface DemoIdentity {
  id: "demo-champion" | "demo-member" | "demo-head" | "demo-outsider";
  tenantId: string;
  displayName: string;
  description: string;
}

export const demoIdentities: readonly DemoIdentity[] = [
  {
    id: "demo-champion",
    tenantId: demoTenantId,
    displayName: "Ana Champion",
    description: "Champion of Product Management: edits and reviews the canvas.",
  },
  {
    id: "demo-member",
    tenantId: demoTenantId,
    displayName: "Ben Member",
    description: "Member of Product Management: reads the canvas.",
  },
  {
    id: "demo-head",
    tenantId: demoTenantId,
    displayName: "Chloe Head",
    description: "Head of profession: looks across communities.",
  },
  {
    id: "demo-outsider",
    tenantId: otherTenantId,
    displayName: "Dev Outsider",
    description: "Works for another organisation: sees none of the demo tenant.",
  },
];
