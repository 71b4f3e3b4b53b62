import { createContext, useCallback, useContext, type ReactNode } from "react";
import type { MeResponse } from "@practice-hub/shared";
import { useEnvironment } from "../environment";
import { useLoad, type Loaded } from "./useLoad";

/** The signed-in person and their roles, and a way to load them again after a change. */
export interface SignedInPerson {
  state: Loaded<MeResponse>;
  reload(): void;
}

const SignedInPersonContext = createContext<SignedInPerson | null>(null);

/** Loads the signed-in person once for every screen below (pages used to load it each). */
export function SignedInPersonProvider({ children }: { children: ReactNode }) {
  const { api } = useEnvironment();
  const load = useCallback(() => api.me(), [api]);
  const { state, reload } = useLoad(load);
  return (
    <SignedInPersonContext.Provider value={{ state, reload }}>
      {children}
    </SignedInPersonContext.Provider>
  );
}

/** The signed-in person; only screens under SignedInPersonProvider call this. */
export function useSignedInPerson(): SignedInPerson {
  const person = useContext(SignedInPersonContext);
  if (!person) throw new Error("useSignedInPerson is used outside SignedInPersonProvider.");
  return person;
}

type CommunityRoles = MeResponse["communities"][number]["roles"];

/** The roles the signed-in person holds in a community; none while loading or when not a member. */
export function rolesIn(person: SignedInPerson, communityId: string): CommunityRoles {
  if (person.state.status !== "ready") return [];
  return (
    person.state.data.communities.find((entry) => entry.communityId === communityId)?.roles ?? []
  );
}
