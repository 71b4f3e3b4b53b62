import type { DemoPerson } from "@practice-hub/shared";

/** How the tab gets a token for the API. */
export type SignInPlan =
  | { kind: "sso" }
  | { kind: "demo"; person: DemoPerson }
  | { kind: "demoPicker" }
  | { kind: "needsTeams" };

/**
 * Decides how to sign in. In Teams, single sign-on always. In a plain browser there is no SSO:
 * a local stack offers its demo people (`?as=` picks one directly), while an Entra deployment
 * can only be used from inside Teams.
 */
export function signInPlan(props: {
  hostKind: "teams" | "browser";
  authMode: "local" | "entra" | null;
  requestedPerson: DemoPerson | null;
}): SignInPlan {
  if (props.hostKind === "teams") return { kind: "sso" };
  if (props.authMode !== "local") return { kind: "needsTeams" };
  return props.requestedPerson
    ? { kind: "demo", person: props.requestedPerson }
    : { kind: "demoPicker" };
}
