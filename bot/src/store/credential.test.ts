import { DefaultAzureCredential, ManagedIdentityCredential } from "@azure/identity";
import { ConfigError, loadConfig } from "../config";
import { asStorageAccess, storageAccessFor, storageCredential } from "./credential";

/** Configuration as App Service's settings give it (infra/azure.bicep), without the secrets. */
function azureEnv(overrides: Record<string, string | undefined> = {}) {
  return { STORAGE_ACCOUNT_NAME: "practicehub7xk2q", ...overrides };
}

describe("storage access", () => {
  it("signs in to the named account with the managed identity when there is no connection string", () => {
    const clientIds: (string | undefined)[] = [];
    const config = loadConfig(
      azureEnv({ AZURE_CLIENT_ID: "11111111-2222-4333-8444-555555555555" }),
    );

    const access = storageAccessFor(config, (clientId) => {
      clientIds.push(clientId);
      return new DefaultAzureCredential();
    });

    expect(access).toMatchObject({
      kind: "identity",
      accountName: "practicehub7xk2q",
      tableUrl: "https://practicehub7xk2q.table.core.windows.net",
      queueUrl: "https://practicehub7xk2q.queue.core.windows.net",
    });
    expect(clientIds).toEqual(["11111111-2222-4333-8444-555555555555"]);
  });

  it("prefers a connection string (Azurite, or a key an administrator chose) over the account name", () => {
    const config = loadConfig(
      azureEnv({ STORAGE_CONNECTION_STRING: "UseDevelopmentStorage=true" }),
    );

    expect(storageAccessFor(config)).toEqual({
      kind: "connectionString",
      connectionString: "UseDevelopmentStorage=true",
    });
  });

  it("uses the user-assigned identity by its client id, and the default chain without one", () => {
    expect(storageCredential("11111111-2222-4333-8444-555555555555")).toBeInstanceOf(
      ManagedIdentityCredential,
    );
    expect(storageCredential(undefined)).toBeInstanceOf(DefaultAzureCredential);
  });

  it("takes a bare connection string as it is", () => {
    expect(asStorageAccess("UseDevelopmentStorage=true")).toEqual({
      kind: "connectionString",
      connectionString: "UseDevelopmentStorage=true",
    });
  });

  it("refuses to start with neither a connection string nor an account, naming both", () => {
    expect(() => loadConfig({})).toThrow(ConfigError);
    expect(() => loadConfig({})).toThrow(/STORAGE_CONNECTION_STRING .*STORAGE_ACCOUNT_NAME/);
  });

  it("refuses an account name storage would not accept", () => {
    expect(() => loadConfig(azureEnv({ STORAGE_ACCOUNT_NAME: "Practice-Hub" }))).toThrow(
      "STORAGE_ACCOUNT_NAME must be a storage account name",
    );
  });
});
