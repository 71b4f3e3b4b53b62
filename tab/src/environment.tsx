import { createContext, useContext } from "react";
import type { ApiClient } from "./api/client";
import type { Host } from "./host/host";
import type { LaunchOptions } from "./launch";

/** What every screen needs once the tab is connected and signed in. */
export interface Environment {
  host: Host;
  launch: LaunchOptions;
  api: ApiClient;
  /** Browser mode with local auth: who is signed in, and a way to pick someone else. */
  demo: { displayName: string; switchPerson(): void } | null;
}

const EnvironmentContext = createContext<Environment | null>(null);

/** Provides the environment to the screens below it. */
export const EnvironmentProvider = EnvironmentContext.Provider;

/** The environment; only screens rendered after sign-in call this. */
export function useEnvironment(): Environment {
  const environment = useContext(EnvironmentContext);
  if (!environment) throw new Error("useEnvironment is used outside EnvironmentProvider.");
  return environment;
}
