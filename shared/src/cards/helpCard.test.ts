import { canvasSections } from "../canvas";
import type { HelpCardProps } from "./helpCard";
import { helpCard } from "./helpCard";
import { cardBytes, cardProblems } from "./testing";
import { maxCardBytes } from "./types";

function helpProps(overrides: Partial<HelpCardProps> = {}): HelpCardProps {
  return { scope: "personal", tabUrl: "https://hub.example.com/personal", ...overrides };
}

describe("helpCard", () => {
  it.each(["personal", "team", "groupChat"] as const)(
    "parses as an Adaptive Card 1.5 without problems in %s scope",
    (scope) => {
      expect(cardProblems(helpCard(helpProps({ scope })))).toEqual([]);
    },
  );

  it("stays under the 80 KB card budget", () => {
    expect(cardBytes(helpCard(helpProps()))).toBeLessThan(maxCardBytes);
  });

  it("lists the help command as typed in a personal chat", () => {
    const facts = helpCard(helpProps({ scope: "personal" })).body.flatMap((element) =>
      element.type === "FactSet" ? element.facts : [],
    );

    expect(facts).toEqual([{ title: "help", value: "Shows this list." }]);
  });

  it("shows the mention form of the help command in a channel", () => {
    expect(JSON.stringify(helpCard(helpProps({ scope: "team" })).body)).toContain(
      "@Practice Hub help",
    );
  });

  it("offers the retro command in a channel, where retros run, and not in a personal chat", () => {
    const factTitles = (scope: HelpCardProps["scope"]) =>
      helpCard(helpProps({ scope })).body.flatMap((element) =>
        element.type === "FactSet" ? element.facts.map((fact) => fact.title) : [],
      );

    expect(factTitles("team")).toEqual(["@Practice Hub help", "@Practice Hub retro"]);
    expect(factTitles("personal")).not.toContain("retro");
  });

  it("names every canvas section when it describes the tab", () => {
    const text = JSON.stringify(helpCard(helpProps()).body);

    for (const section of canvasSections) {
      expect(text).toContain(section.title.toLowerCase());
    }
  });

  it("opens the tab from its button", () => {
    expect(helpCard(helpProps({ tabUrl: "https://hub.example.com/x" })).actions?.[0]).toMatchObject(
      { type: "Action.OpenUrl", url: "https://hub.example.com/x" },
    );
  });
});
