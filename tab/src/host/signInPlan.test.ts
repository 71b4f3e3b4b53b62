import { signInPlan } from "./signInPlan";

describe("signInPlan", () => {
  it("uses single sign-on in Teams whatever the service's auth mode", () => {
    expect(
      signInPlan({ hostKind: "teams", authMode: null, requestedPerson: "demo-member" }),
    ).toEqual({
      kind: "sso",
    });
  });

  it("signs in as the person named in the URL on a local stack", () => {
    expect(
      signInPlan({ hostKind: "browser", authMode: "local", requestedPerson: "demo-champion" }),
    ).toEqual({ kind: "demo", person: "demo-champion" });
  });

  it("offers the demo-person picker on a local stack when no person is named", () => {
    expect(signInPlan({ hostKind: "browser", authMode: "local", requestedPerson: null })).toEqual({
      kind: "demoPicker",
    });
  });

  it("never honours ?as= outside local mode, and asks to open Teams instead", () => {
    expect(
      signInPlan({ hostKind: "browser", authMode: "entra", requestedPerson: "demo-champion" }),
    ).toEqual({ kind: "needsTeams" });
  });
});
