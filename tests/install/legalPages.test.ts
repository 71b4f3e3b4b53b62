import { readFileSync } from "node:fs";
import path from "node:path";
import { storedData } from "../../bot/src/http/legalPages";
import { startStack, type Stack } from "../support/stack";

/** The privacy and terms pages as Teams and an administrator open them: from the running service. */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ seed: false });
});
afterAll(async () => {
  await stack.stop();
});

async function page(pathname: string) {
  const response = await fetch(`${stack.baseUrl}${pathname}`);
  return {
    status: response.status,
    type: response.headers.get("content-type"),
    html: await response.text(),
  };
}

describe("the legal pages the manifest links to", () => {
  it("serve a privacy statement of their own, not the tab", async () => {
    const privacy = await page("/privacy");
    const tab = await page("/");

    expect(privacy.status).toBe(200);
    expect(privacy.type).toMatch(/^text\/html/);
    expect(privacy.html).toContain("<h1>Practice Hub privacy statement</h1>");
    expect(privacy.html).not.toEqual(tab.html);
    expect(privacy.html).not.toContain("<script");
  });

  it("say what is stored, including anonymous retro entries without authors, and for how long", async () => {
    const { html } = await page("/privacy");

    for (const kind of [
      "Community canvas texts",
      "Rituals",
      "Retros",
      "stored without its author",
      "Library items",
      "Memberships",
      "Conversation references",
      "How long it is kept",
      "30 days",
    ]) {
      expect([kind, html.includes(kind)]).toEqual([kind, true]);
    }
    for (const item of storedData) expect(html).toContain(`<li>${item}</li>`);
  });

  it("serve terms of use", async () => {
    const terms = await page("/terms");

    expect(terms.status).toBe(200);
    expect(terms.html).toContain("<h1>Practice Hub terms of use</h1>");
  });

  it("are the addresses the Teams manifest and the Entra app give", () => {
    const teams = JSON.parse(
      readFileSync(path.join(__dirname, "../../appPackage/manifest.json"), "utf8"),
    ) as { developer: { privacyUrl: string; termsOfUseUrl: string } };
    const entra = JSON.parse(
      readFileSync(path.join(__dirname, "../../aad.manifest.json"), "utf8"),
    ) as { info: { privacyStatementUrl: string; termsOfServiceUrl: string } };

    expect(teams.developer.privacyUrl).toBe("${{TAB_ENDPOINT}}/privacy");
    expect(teams.developer.termsOfUseUrl).toBe("${{TAB_ENDPOINT}}/terms");
    expect(entra.info).toEqual({
      privacyStatementUrl: teams.developer.privacyUrl,
      termsOfServiceUrl: teams.developer.termsOfUseUrl,
    });
  });
});
