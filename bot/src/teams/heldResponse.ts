import type express from "express";
import { badRequest, internal, unauthenticated, type AppError } from "../errors";

/** What botbuilder wrote for one request, held back until the endpoint decides how to answer. */
export interface HeldAnswer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/**
 * A stand-in for express's response that botbuilder's `CloudAdapter.process` writes into. The
 * adapter answers its own refusals as plain text (401 "Unauthorized...", 400, 500); holding them
 * lets the endpoint answer those in the API's one error shape instead, while a turn's real answer
 * (an invoke response, or 200) passes through unchanged.
 */
export function heldResponse(): { response: object; answer(): HeldAnswer } {
  const held: HeldAnswer = { status: 200, headers: {}, body: undefined };
  const response = {
    status(code: number) {
      held.status = code;
      return response;
    },
    header(name: string, value: unknown) {
      held.headers[name] = String(value);
      return response;
    },
    send(body: unknown) {
      held.body = body;
      return response;
    },
    end() {
      return response;
    },
  };
  return { response, answer: () => held };
}

/** The refusal in the one error shape for an answer botbuilder gave as text, or null to pass on. */
export function refusalOf(answer: HeldAnswer): AppError | null {
  if (answer.status === 401) {
    return unauthenticated(
      "The bot endpoint takes only activities signed by the Bot Framework for this bot.",
    );
  }
  // The adapter's own 400s (a body that is not an activity); the endpoint checks these first, so
  // this is a fallback that keeps the one shape.
  if (answer.status === 400 && typeof answer.body !== "object") {
    return badRequest("The request body is not a Bot Framework activity.");
  }
  if (answer.status >= 500) return internal();
  return null;
}

/** Writes a held answer that needs no translation to express's response. */
export function sendHeld(res: express.Response, answer: HeldAnswer): void {
  for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
  res.status(answer.status);
  if (answer.body === undefined) res.end();
  else res.send(answer.body);
}
