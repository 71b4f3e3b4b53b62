import { cardBytes, cardProblems } from "./testing";
import type { AdaptiveCard } from "./types";
import { maxCardBytes } from "./types";
import type { WelcomeCardProps } from "./welcomeCard";
import { welcomeCard } from "./welcomeCard";

function welcomeProps(overrides: Partial<WelcomeCardProps> = {}): WelcomeCardProps {
  return { scope: "personal", tabUrl: "https://hub.example.com/personal", ...overrides };
}

function allText(card: AdaptiveCard): string {
  return JSON.stringify(card.body);
}

describe("welcomeCard", () => {
  it.each(["personal", "team", "groupChat"] as const)(
    "parses as an Adaptive Card 1.5 without problems in %s scope",
    (scope) => {
      const card = welcomeCard(welcomeProps({ scope }));

      expect(card.version).toBe("1.5");
      expect(cardProblems(card)).toEqual([]);
    },
  );

  it("stays under the 80 KB card budget", () => {
    expect(cardBytes(welcomeCard(welcomeProps()))).toBeLessThan(maxCardBytes);
  });

  it("links its button to the tab address it was given", () => {
    const card = welcomeCard(
      welcomeProps({ tabUrl: "https://teams.microsoft.com/l/entity/x/home" }),
    );

    expect(card.actions).toEqual([
      {
        type: "Action.OpenUrl",
        title: "Open Practice Hub",
        url: "https://teams.microsoft.com/l/entity/x/home",
      },
    ]);
  });

  it("tells people in a personal chat to type help", () => {
    expect(allText(welcomeCard(welcomeProps({ scope: "personal" })))).toContain("Type **help**");
  });

  it("tells people in a channel to mention the bot, because it only hears mentions there", () => {
    const text = allText(welcomeCard(welcomeProps({ scope: "team" })));

    expect(text).toContain("Mention me with **help**");
    expect(text).not.toContain("Type **help**");
  });
});
