import { badRequest } from "../errors";
import { InvalidCursorError } from "../store";

/**
 * Reads a page, turning a cursor the store refuses into a 400 that says what to do: a cursor
 * only ever comes from the list's own `nextCursor`.
 */
export async function pageOf<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof InvalidCursorError) {
      throw badRequest(
        "The cursor is not one this list gave out. Load the list again from its first page.",
      );
    }
    throw error;
  }
}
