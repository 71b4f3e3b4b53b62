import { communityTabUrl, parseLaunch } from "./launch";

describe("parseLaunch", () => {
  it("opens the app on the configured community with the demo person and theme asked for", () => {
    expect(
      parseLaunch({
        pathname: "/",
        search: "?community=product-management&as=demo-champion&theme=dark",
      }),
    ).toEqual({
      route: "app",
      communityId: "product-management",
      demoPerson: "demo-champion",
      theme: "dark",
    });
  });

  it("recognises the configuration and personal routes, with or without a trailing slash", () => {
    expect(parseLaunch({ pathname: "/config", search: "" }).route).toBe("config");
    expect(parseLaunch({ pathname: "/personal/", search: "" }).route).toBe("personal");
  });

  it("ignores an unknown demo person and an unknown theme", () => {
    const launch = parseLaunch({ pathname: "/", search: "?as=admin&theme=neon&community=" });
    expect(launch).toMatchObject({ demoPerson: null, theme: null, communityId: null });
  });
});

describe("communityTabUrl", () => {
  it("builds the content URL the configuration page saves", () => {
    expect(communityTabUrl("https://hub.example.com", "design team")).toBe(
      "https://hub.example.com/?community=design+team",
    );
  });
});
