import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { prefetchFirstScreen } from "./api/firstScreen";
import { preloadLandingPage } from "./components/AppShell";
import { Root } from "./Root";
import { parseLaunch } from "./launch";

const launch = parseLaunch(window.location);
prefetchFirstScreen(launch);
if (launch.route !== "config")
  preloadLandingPage(launch.route === "personal", window.location.hash);

const container = document.getElementById("root");
if (!container) throw new Error("index.html must contain an element with id root.");
createRoot(container).render(
  <StrictMode>
    <Root launch={launch} />
  </StrictMode>,
);
