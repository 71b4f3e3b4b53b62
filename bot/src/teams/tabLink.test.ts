import { tabLink } from "./tabLink";

describe("tabLink", () => {
  it("deep-links into the personal tab when the Teams app id is known", () => {
    expect(
      tabLink({
        TEAMS_APP_ID: "5f0c0d3e-aaaa-4bbb-8ccc-123456789abc",
        PUBLIC_BASE_URL: "https://x",
      }),
    ).toBe("https://teams.microsoft.com/l/entity/5f0c0d3e-aaaa-4bbb-8ccc-123456789abc/home");
  });

  it("falls back to the service's web address without a Teams app id", () => {
    expect(tabLink({ TEAMS_APP_ID: undefined, PUBLIC_BASE_URL: "http://localhost:3978" })).toBe(
      "http://localhost:3978/",
    );
  });
});
