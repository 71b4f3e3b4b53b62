import {
  TableClient,
  TableServiceClient,
  type TableServiceClientOptions,
} from "@azure/data-tables";
import { createCanvasRepository, type CanvasRepository } from "./canvas";
import { createCommunityRepository, type CommunityRepository } from "./communityRepository";
import {
  conversationRowKey,
  createConversationReferenceRepository,
} from "./conversationReferenceRepository";
import type { ConversationReferenceStore } from "../teams/conversationReferences";
import { createMembershipRepository, type MembershipRepository } from "./memberships";
import { createLeaseRepository, type LeaseRepository } from "./leaseRepository";
import { createDeliveryRecordRepository, type DeliveryRecordRepository } from "./deliveries";
import { createRitualRepository, type RitualRepository } from "./rituals";
import { createConversationKeyLookup, type ConversationKeyLookup } from "./conversationKeyLookup";
import { createLibraryRepository, type LibraryRepository } from "./library";
import {
  createMembershipEventRepository,
  type MembershipEventRepository,
} from "./membershipEventRepository";
import { createDigestRepository, type DigestRepository } from "./digestRepository";
import { createRetroRepository, type RetroRepository } from "./retros";
import { createChannelLinkRepository, type ChannelLinkRepository } from "./channelLinkRepository";
import { tableNames, type TableName } from "./tables";
import { asStorageAccess, type StorageAccess } from "./credential";

export { tableNames, type TableName } from "./tables";
export { storageAccessFor, type StorageAccess } from "./credential";
export { ConcurrencyError, isConflict, isStorageUnavailable } from "./storageErrors";
export { etagWrite } from "./etagWrite";
export { isHistoryKeyOf } from "./canvas";
export { InvalidCursorError, type Page } from "./paging";
export { ChannelTakenError } from "./channelLinkRepository";
export { feedTokenHash, untouchedOccurrenceRow } from "./rituals";
export type * from "./canvas";
export type * from "./communityRepository";
export type * from "./memberships";
export type * from "./retros";
export type * from "./channelLinkRepository";
export type * from "./library";
export type * from "./membershipEventRepository";
export type * from "./digestRepository";
export type * from "./rituals";
export type * from "./leaseRepository";
export type * from "./deliveries";
export type * from "./conversationKeyLookup";

/** Creates a TableClient for one table; the Teams helper's repositories take this. */
export type TableClientFactory = (tableName: TableName) => TableClient;

/** Repositories over one storage account, plus what the composition root needs around them. */
export interface Store {
  communities: CommunityRepository;
  memberships: MembershipRepository;
  canvas: CanvasRepository;
  /** Where the bot keeps conversation references for proactive messages. */
  conversationReferences: ConversationReferenceStore;
  /** The scheduler's lease and progress (bot/src/jobs). */
  leases: LeaseRepository;
  /** Idempotency records of proactive deliveries (bot/src/jobs). */
  deliveries: DeliveryRecordRepository;
  /**
   * How deliveries name a conversation (`Delivery.conversationKey`): a key that is opaque outside
   * the store, by which the queue worker finds the stored reference (`conversationByKey`).
   */
  conversationKeyOf(props: { conversationId: string }): string;
  /** A conversation reference by the key deliveries name it with (bot/src/jobs). */
  conversationByKey: ConversationKeyLookup;
  /** Ritual series, occurrences and the calendar feed token. */
  rituals: RitualRepository;
  /** Library resources and handbook entries. */
  library: LibraryRepository;
  /** Joins and leaves, and which Teams team belongs to which community. */
  membershipEvents: MembershipEventRepository;
  /** Digest settings and picks already sent, per recipient. */
  digests: DigestRepository;
  /** Retros: headers, entries, votes and actions, per community. */
  retros: RetroRepository;
  /** Which Teams channel belongs to which community (the retro command and retro posts). */
  channelLinks: ChannelLinkRepository;
  tableClient: TableClientFactory;
  /** Creates every table the service uses; safe to call on every start. */
  ensureTables(): Promise<void>;
  /** One cheap call without retries: resolves when storage answers, rejects when it does not. */
  ping(): Promise<void>;
}

/** Options for tests and benchmarks. */
export interface StoreOptions {
  /** Called once per HTTP request sent to storage (benchmarks count round trips with it). */
  onRoundTrip?: () => void;
}

/** Storage errors should surface fast: a user waits on every API request. */
const retryOptions = { maxRetries: 2, retryDelayInMs: 100, maxRetryDelayInMs: 1_000 };

/**
 * Connects to Table Storage (or Azurite) with a connection string, or with a managed identity
 * (storageAccessFor), and builds the repositories.
 */
export function createStore(connection: string | StorageAccess, options: StoreOptions = {}): Store {
  const access = asStorageAccess(connection);
  const insecure =
    access.kind === "connectionString" &&
    /DefaultEndpointsProtocol=http;|TableEndpoint=http:\/\/|UseDevelopmentStorage=true/i.test(
      access.connectionString,
    );
  const clientOptions: TableServiceClientOptions = {
    allowInsecureConnection: insecure,
    retryOptions,
    ...(options.onRoundTrip
      ? {
          additionalPolicies: [
            {
              position: "perRetry" as const,
              policy: {
                name: "countRoundTrips",
                sendRequest: (request, next) => {
                  options.onRoundTrip?.();
                  return next(request);
                },
              },
            },
          ],
        }
      : {}),
  };
  const clients = new Map<string, TableClient>();
  const tableClient: TableClientFactory = (tableName) => {
    let client = clients.get(tableName);
    if (!client) {
      client =
        access.kind === "connectionString"
          ? TableClient.fromConnectionString(access.connectionString, tableName, clientOptions)
          : new TableClient(access.tableUrl, tableName, access.credential, clientOptions);
      clients.set(tableName, client);
    }
    return client;
  };
  const serviceClient = (serviceOptions: TableServiceClientOptions) =>
    access.kind === "connectionString"
      ? TableServiceClient.fromConnectionString(access.connectionString, serviceOptions)
      : new TableServiceClient(access.tableUrl, access.credential, serviceOptions);
  const service = serviceClient(clientOptions);
  const probe = serviceClient({ ...clientOptions, retryOptions: { maxRetries: 0 } });

  return {
    communities: createCommunityRepository(tableClient(tableNames.communities)),
    memberships: createMembershipRepository(tableClient(tableNames.memberships)),
    canvas: createCanvasRepository(tableClient(tableNames.canvas)),
    conversationReferences: createConversationReferenceRepository(
      tableClient(tableNames.conversationReferences),
    ),
    leases: createLeaseRepository(tableClient(tableNames.jobState)),
    deliveries: createDeliveryRecordRepository(tableClient(tableNames.deliveries)),
    conversationKeyOf: ({ conversationId }) => conversationRowKey(conversationId),
    conversationByKey: createConversationKeyLookup(tableClient(tableNames.conversationReferences)),
    rituals: createRitualRepository(tableClient(tableNames.rituals)),
    library: createLibraryRepository(tableClient(tableNames.library)),
    membershipEvents: createMembershipEventRepository(tableClient(tableNames.membershipEvents)),
    digests: createDigestRepository(tableClient(tableNames.digests)),
    retros: createRetroRepository(tableClient(tableNames.retros)),
    channelLinks: createChannelLinkRepository(tableClient(tableNames.channelLinks)),
    tableClient,
    async ensureTables() {
      // createTable treats "already exists" as success. All at once: one after another, the
      // thirteen round trips were most of the service's start-up time.
      await Promise.all(Object.values(tableNames).map((name) => service.createTable(name)));
    },
    async ping() {
      const pages = probe.listTables().byPage({ maxPageSize: 1 });
      await pages.next();
    },
  };
}
