import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const rootDir = path.resolve(__dirname, "../..");

/**
 * Microsoft's client ids for the hosts that ask Entra for the tab's SSO token, as Microsoft's
 * "Configure your tab app in Microsoft Entra ID" page lists them. One id serves both the Microsoft
 * 365 mobile app and Outlook desktop.
 */
const hostClients = {
  "Teams desktop and mobile": "1fec8e78-bce4-4aaf-ab1b-5451cc387264",
  "Teams web": "5e3ce6c0-2b1f-4285-8d4b-75ee78787346",
  "Microsoft 365 web": "4765445b-32c6-49b0-83e6-1d93765276ca",
  "Microsoft 365 desktop": "0ec893e0-5785-4de6-99da-4ed124e5296c",
  "Microsoft 365 mobile and Outlook desktop": "d3590ed6-52b3-4102-aeff-aad2292ab01c",
  "Outlook web": "bc59ab01-8403-45c6-8796-ac3ef710b3e3",
  "Outlook mobile": "27922004-5251-4030-b22d-91ecd9a37ea4",
};

/** The parts of the Entra app manifest (Microsoft Graph format) the service depends on. */
const aadManifestSchema = z.object({
  id: z.string(),
  appId: z.string(),
  identifierUris: z.array(z.string()),
  signInAudience: z.string(),
  api: z.object({
    requestedAccessTokenVersion: z.number(),
    oauth2PermissionScopes: z.array(
      z.object({ id: z.string(), value: z.string(), type: z.string(), isEnabled: z.boolean() }),
    ),
    preAuthorizedApplications: z.array(
      z.object({ appId: z.string(), delegatedPermissionIds: z.array(z.string()) }),
    ),
  }),
});

function readAadManifest() {
  const text = readFileSync(path.join(rootDir, "aad.manifest.json"), "utf8");
  return aadManifestSchema.parse(JSON.parse(text));
}

describe("the Entra app manifest (aad.manifest.json)", () => {
  it("asks for version 2 access tokens, the only ones the service accepts", () => {
    expect(readAadManifest().api.requestedAccessTokenVersion).toBe(2);
  });

  it("exposes one enabled access_as_user scope that people may consent to", () => {
    const scopes = readAadManifest().api.oauth2PermissionScopes;

    expect(scopes).toEqual([
      expect.objectContaining({ value: "access_as_user", type: "User", isEnabled: true }),
    ]);
  });

  it("pre-authorises exactly the Teams, Outlook and Microsoft 365 clients for that scope", () => {
    const manifest = readAadManifest();
    const scopeId = manifest.api.oauth2PermissionScopes[0]?.id;

    const clients = manifest.api.preAuthorizedApplications;

    expect(clients.map((client) => client.appId).sort()).toEqual(Object.values(hostClients).sort());
    for (const client of clients) expect(client.delegatedPermissionIds).toEqual([scopeId]);
  });

  it("gives the scope an id the toolkit generates, and the app ID URI of the tab's host", () => {
    const manifest = readAadManifest();

    // aadApp/update fills this one variable with a new id when it is empty.
    expect(manifest.api.oauth2PermissionScopes[0]?.id).toBe(
      "${{AAD_APP_ACCESS_AS_USER_PERMISSION_ID}}",
    );
    expect(manifest.identifierUris).toEqual(["${{ENTRA_APP_ID_URI}}"]);
    expect(manifest.appId).toBe("${{ENTRA_CLIENT_ID}}");
  });

  it("names the same app and ID URI as the Teams manifest's SSO section", () => {
    const teams = JSON.parse(
      readFileSync(path.join(rootDir, "appPackage", "manifest.json"), "utf8"),
    ) as { webApplicationInfo: { id: string; resource: string } };
    const manifest = readAadManifest();

    expect(teams.webApplicationInfo).toEqual({
      id: manifest.appId,
      resource: manifest.identifierUris[0],
    });
  });
});
