import { z } from "zod";

/**
 * A queue message points at a delivery record; the record holds the card (queue messages are
 * limited to 64 KB, digests can reach 80 KB).
 */
const pointerSchema = z.object({ tenantId: z.string().min(1), key: z.string().min(1) });

export type DeliveryPointer = z.infer<typeof pointerSchema>;

export function encodePointer(pointer: DeliveryPointer): string {
  return JSON.stringify(pointer);
}

/** Null for a message this code did not write (it is dropped). */
export function decodePointer(text: string): DeliveryPointer | null {
  try {
    const parsed = pointerSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
