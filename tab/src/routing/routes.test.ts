import { appPaths, areas, readAddress } from "./routes";

describe("addresses of the tab", () => {
  it("gives each area an address that reads back as that area", () => {
    for (const area of areas) {
      expect(readAddress(appPaths.area(area), "canvas")).toEqual({ kind: "area", area });
    }
  });

  it("lands on the landing area for the root and for addresses it does not know", () => {
    expect(readAddress("/", "communities")).toEqual({ kind: "area", area: "communities" });
    expect(readAddress("/", "canvas")).toEqual({ kind: "area", area: "canvas" });
    expect(readAddress("/settings/old", "canvas")).toEqual({ kind: "area", area: "canvas" });
  });

  it("reads back a retro, a session and a resource, odd characters included", () => {
    expect(readAddress(appPaths.retro("r/1 x"), "canvas")).toEqual({
      kind: "retro",
      area: "retros",
      retroId: "r/1 x",
    });
    expect(readAddress(appPaths.session("ritual 1", "2026-03-29"), "canvas")).toEqual({
      kind: "session",
      area: "calendar",
      ritualId: "ritual 1",
      date: "2026-03-29",
    });
    expect(readAddress(appPaths.resource("res-1"), "canvas")).toEqual({
      kind: "resource",
      area: "library",
      resourceId: "res-1",
    });
  });

  it("names only the area when the rest of an address is not one it knows", () => {
    expect(readAddress("/retros/r1/extra", "canvas")).toEqual({ kind: "area", area: "retros" });
    expect(readAddress("/calendar/sessions/ritual-1", "canvas")).toEqual({
      kind: "area",
      area: "calendar",
    });
    expect(readAddress("/library/resources/%E0%A4%A", "canvas")).toEqual({
      kind: "area",
      area: "library",
    });
  });
});
