/**
 * The one place that talks to Azure Storage Queues (DESIGN.md: due work goes to a queue; workers
 * send it). Messages are small pointers; what they point at lives in Table Storage.
 */
import { QueueClient, type StoragePipelineOptions } from "@azure/storage-queue";
import { asStorageAccess, type StorageAccess } from "../store/credential";

/** A received message: hidden from other receivers until its visibility timeout ends. */
export interface QueuedMessage {
  id: string;
  popReceipt: string;
  text: string;
  /** How many times it was received, this time included. */
  dequeueCount: number;
}

/** An at-least-once queue: a message comes back after its visibility timeout unless removed. */
export interface WorkQueue {
  /** Creates the queue when missing; safe on every start. */
  ensure(): Promise<void>;
  send(text: string): Promise<void>;
  /** Up to `max` (at most 32) visible messages, hidden for `visibilitySeconds` each. */
  receive(props: { max: number; visibilitySeconds: number }): Promise<QueuedMessage[]>;
  /** Done with it: it never comes back. */
  remove(message: QueuedMessage): Promise<void>;
  /** Hides the message for `seconds` more (a deferred retry); the returned copy holds the new receipt. */
  hide(message: QueuedMessage, seconds: number): Promise<QueuedMessage>;
  /** Visible and hidden messages together; approximate, as Azure says. */
  approximateCount(): Promise<number>;
}

/** Queue calls sit on the send path: fail fast, the caller retries the message. */
const pipelineOptions: StoragePipelineOptions = {
  retryOptions: { maxTries: 3, retryDelayInMs: 100, maxRetryDelayInMs: 1_000 },
};

/**
 * A WorkQueue over Azure Storage Queues (or Azurite), from a connection string or the storage
 * access of the configuration (a managed identity on Azure).
 */
export function createWorkQueue(
  props: { name: string } & ({ connectionString: string } | { access: StorageAccess }),
): WorkQueue {
  const access = asStorageAccess("access" in props ? props.access : props.connectionString);
  const client =
    access.kind === "connectionString"
      ? new QueueClient(access.connectionString, props.name, pipelineOptions)
      : new QueueClient(`${access.queueUrl}/${props.name}`, access.credential, pipelineOptions);
  return {
    async ensure() {
      await client.createIfNotExists();
    },
    async send(text) {
      await client.sendMessage(text);
    },
    async receive({ max, visibilitySeconds }) {
      const response = await client.receiveMessages({
        numberOfMessages: Math.min(32, Math.max(1, max)),
        visibilityTimeout: visibilitySeconds,
      });
      return response.receivedMessageItems.map((item) => ({
        id: item.messageId,
        popReceipt: item.popReceipt,
        text: item.messageText,
        dequeueCount: item.dequeueCount,
      }));
    },
    async remove(message) {
      await client.deleteMessage(message.id, message.popReceipt);
    },
    async hide(message, seconds) {
      const response = await client.updateMessage(
        message.id,
        message.popReceipt,
        undefined,
        Math.max(0, Math.ceil(seconds)),
      );
      return { ...message, popReceipt: response.popReceipt ?? message.popReceipt };
    },
    async approximateCount() {
      const properties = await client.getProperties();
      return properties.approximateMessagesCount ?? 0;
    },
  };
}
