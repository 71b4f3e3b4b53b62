/**
 * How the service reaches its storage account: a connection string (Azurite locally, or an account
 * key where an administrator chose one), or, on Azure, the user-assigned managed identity with data
 * roles on the account, so no key exists anywhere in the service's settings.
 */
import type * as Identity from "@azure/identity";
import type { TokenCredential } from "@azure/identity";
import type { Config } from "../config";

/** Where storage is and how to sign in to it; tables and queues use the same. */
export type StorageAccess =
  | { kind: "connectionString"; connectionString: string }
  | {
      kind: "identity";
      accountName: string;
      /** e.g. https://<account>.table.core.windows.net */
      tableUrl: string;
      /** e.g. https://<account>.queue.core.windows.net */
      queueUrl: string;
      credential: TokenCredential;
    };

/**
 * The managed identity named by its client id (App Service with a user-assigned identity: no
 * probing of other credential sources, and the identity an administrator granted roles to);
 * without one, DefaultAzureCredential (a developer's `az login`, or a system-assigned identity).
 */
export function storageCredential(clientId: string | undefined): TokenCredential {
  // Required here: only a service without a connection string signs in this way, and loading
  // the package costs the start of every other one (Azurite, tests) a large part of a second.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const identity = require("@azure/identity") as typeof Identity;
  return clientId
    ? new identity.ManagedIdentityCredential({ clientId })
    : new identity.DefaultAzureCredential();
}

/**
 * The storage access the configuration asks for: the connection string when there is one,
 * otherwise the account by name with a token credential.
 */
export function storageAccessFor(
  config: Pick<Config, "STORAGE_CONNECTION_STRING" | "STORAGE_ACCOUNT_NAME" | "AZURE_CLIENT_ID">,
  makeCredential: (clientId: string | undefined) => TokenCredential = storageCredential,
): StorageAccess {
  if (config.STORAGE_CONNECTION_STRING) {
    return { kind: "connectionString", connectionString: config.STORAGE_CONNECTION_STRING };
  }
  const accountName = config.STORAGE_ACCOUNT_NAME;
  // config.ts refuses a configuration with neither; this guards callers that build one by hand.
  if (!accountName) throw new Error("Set STORAGE_CONNECTION_STRING or STORAGE_ACCOUNT_NAME.");
  return {
    kind: "identity",
    accountName,
    tableUrl: `https://${accountName}.table.core.windows.net`,
    queueUrl: `https://${accountName}.queue.core.windows.net`,
    credential: makeCredential(config.AZURE_CLIENT_ID),
  };
}

/** A bare connection string (tests, the local stack) as a StorageAccess. */
export function asStorageAccess(access: string | StorageAccess): StorageAccess {
  return typeof access === "string"
    ? { kind: "connectionString", connectionString: access }
    : access;
}
