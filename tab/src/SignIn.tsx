import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from "react";
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { ApiError, DemoPerson, DevPeopleResponse } from "@practice-hub/shared";
import { createApiClient, publicApi } from "./api/client";
import type { DevApi } from "./api/dev";
import { apiErrorOf } from "./api/errors";
import { AppShell } from "./components/AppShell";
import { ErrorState } from "./components/ErrorState";
import { Loading } from "./components/Loading";
import { SignedInPersonProvider } from "./components/SignedInPerson";
import { EnvironmentProvider, type Environment } from "./environment";
import type { Host } from "./host/host";
import { signInPlan } from "./host/signInPlan";
import { replaceQueryParam, type LaunchOptions } from "./launch";

const ConfigPage = lazy(() => import("./pages/communities/ConfigPage"));
// Local mode only: the picker of demo people (chunks of their own, as ./api/dev).
const PersonPicker = lazy(() =>
  import("./components/PersonPicker").then((module) => ({ default: module.PersonPicker })),
);

type BrowserAuth =
  | { status: "loading" }
  | { status: "failed"; error: ApiError }
  | {
      status: "ready";
      authMode: "local" | "entra";
      people: DevPeopleResponse["people"];
      /** The demo sign-in's calls, in local mode. */
      dev: DevApi | null;
    };

/**
 * Gets the tab a token and then shows the requested screen. Teams gives an SSO token; browser
 * mode asks the service how it authenticates and, on a local stack, which demo people exist.
 */
export function SignIn({ host, launch }: { host: Host; launch: LaunchOptions }) {
  const [auth, setAuth] = useState<BrowserAuth>({ status: "loading" });
  const [person, setPerson] = useState<DemoPerson | null>(launch.demoPerson);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (host.kind === "teams") return;
    let current = true;
    setAuth({ status: "loading" });
    void (async () => {
      try {
        const config = await publicApi.publicConfig();
        const dev = config.authMode === "local" ? (await import("./api/dev")).devApi : null;
        const people = dev ? (await dev.devPeople()).people : [];
        if (current) setAuth({ status: "ready", authMode: config.authMode, people, dev });
      } catch (error) {
        if (current) setAuth({ status: "failed", error: apiErrorOf(error) });
      }
    })();
    return () => {
      current = false;
    };
  }, [host.kind, attempt]);

  const choosePerson = useCallback((next: DemoPerson | null) => {
    replaceQueryParam("as", next);
    setPerson(next);
  }, []);

  const plan = signInPlan({
    hostKind: host.kind,
    authMode: auth.status === "ready" ? auth.authMode : null,
    requestedPerson: person,
  });

  const signedInAs = plan.kind === "demo" ? plan.person : null;
  const environment = useMemo<Environment | null>(() => {
    if (host.kind === "teams" && host.getSsoToken) {
      return { host, launch, api: createApiClient(host.getSsoToken), demo: null };
    }
    if (signedInAs === null || auth.status !== "ready" || !auth.dev) return null;
    const { dev } = auth;
    // One token per chosen person; the local service signs it for the whole session.
    let token: Promise<string> | null = null;
    const getToken = () => {
      token ??= dev.devToken(signedInAs).catch((error: unknown) => {
        token = null;
        throw error;
      });
      return token;
    };
    const displayName =
      auth.people.find((candidate) => candidate.id === signedInAs)?.displayName ?? signedInAs;
    return {
      host,
      launch,
      api: createApiClient(getToken),
      demo: { displayName, switchPerson: () => choosePerson(null) },
    };
  }, [host, launch, auth, signedInAs, choosePerson]);

  if (host.kind === "browser" && auth.status === "loading") {
    return <Loading label="Loading Practice Hub" />;
  }
  if (auth.status === "failed") {
    return (
      <main style={{ padding: 24 }}>
        <ErrorState
          title="Practice Hub could not start"
          error={auth.error}
          onRetry={() => setAttempt((n) => n + 1)}
        />
      </main>
    );
  }
  if (plan.kind === "needsTeams") {
    return (
      <main style={{ padding: 24 }}>
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Open Practice Hub in Teams</MessageBarTitle>
            This Practice Hub signs people in through Microsoft Teams. Add the app to a team or open
            it from the Teams app bar to continue.
          </MessageBarBody>
        </MessageBar>
      </main>
    );
  }
  if (plan.kind === "demoPicker" && auth.status === "ready") {
    return (
      <Suspense fallback={<Loading label="Loading Practice Hub" />}>
        <PersonPicker people={auth.people} onChoose={choosePerson} />
      </Suspense>
    );
  }
  if (!environment) return <Loading label="Signing in" />;
  return (
    <EnvironmentProvider value={environment}>
      <SignedInPersonProvider>
        {launch.route === "config" ? (
          <Suspense fallback={<Loading label="Loading the settings" />}>
            <ConfigPage />
          </Suspense>
        ) : (
          <AppShell personal={launch.route === "personal"} />
        )}
      </SignedInPersonProvider>
    </EnvironmentProvider>
  );
}
