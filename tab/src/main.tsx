import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { Root } from "./Root";
import { parseLaunch } from "./launch";

const container = document.getElementById("root");
if (!container) throw new Error("index.html must contain an element with id root.");
createRoot(container).render(
  <StrictMode>
    <Root launch={parseLaunch(window.location)} />
  </StrictMode>,
);
