import { useEffect, useState } from "react";
import type { Theme } from "@fluentui/react-components";
import { FluentProvider, makeStyles, tokens } from "@fluentui/react-components";
import { AnnouncerProvider } from "./components/Announcer";
import { LeaveGuardProvider } from "./components/LeaveGuard";
import { Loading } from "./components/Loading";
import { connectHost } from "./host/connectHost";
import type { Host } from "./host/host";
import { fluentTheme, loadFluentTheme, type HostTheme } from "./host/theme";
import type { LaunchOptions } from "./launch";
import { SignIn } from "./SignIn";

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
});

/**
 * The top of the tree: finds the host, follows its theme live, and hands over to sign-in. The
 * theme provider wraps everything, including the "connecting" spinner, so nothing flashes.
 */
export function Root({ launch }: { launch: LaunchOptions }) {
  const styles = useStyles();
  const [host, setHost] = useState<Host | null>(null);
  const [theme, setTheme] = useState<HostTheme>(launch.theme ?? "default");

  useEffect(() => {
    let current = true;
    void connectHost(launch).then((connected) => {
      if (!current) return;
      document.documentElement.lang = connected.locale;
      setHost(connected);
      setTheme(connected.theme);
    });
    return () => {
      current = false;
    };
  }, [launch]);

  useEffect(() => host?.onThemeChange(setTheme), [host]);

  // The light theme is bundled; another loads first, and the last one shown stays meanwhile.
  const [shown, setShown] = useState<Theme | null>(() => fluentTheme(theme));
  useEffect(() => {
    let current = true;
    void loadFluentTheme(theme).then((loaded) => {
      if (current) setShown(() => loaded);
    });
    return () => {
      current = false;
    };
  }, [theme]);
  // Nothing until the wanted theme is there (a few milliseconds), so nothing flashes light.
  if (!shown) return null;

  return (
    <FluentProvider theme={shown} className={styles.root}>
      <AnnouncerProvider>
        <LeaveGuardProvider>
          {host ? <SignIn host={host} launch={launch} /> : <Loading label="Connecting to Teams" />}
        </LeaveGuardProvider>
      </AnnouncerProvider>
    </FluentProvider>
  );
}
