import {
  apiPathTemplates,
  devTokenRequestSchema,
  routePattern,
  type DevPeopleResponse,
  type DevTokenResponse,
} from "@practice-hub/shared";
import express, { type Router } from "express";
import type { LocalTokens } from "../auth";
import { parseWith } from "../http/validate";
import { demoIdentities } from "./demoIdentities";

/**
 * Local mode only (the composition root mounts nothing in entra mode, so these paths are 404
 * there): the demo people and a token for one of them, for the tab's browser-mode picker.
 */
export function devRouter(localTokens: LocalTokens): Router {
  const router = express.Router();
  router.get(routePattern(apiPathTemplates.devPeople), (_req, res) => {
    const body: DevPeopleResponse = {
      people: demoIdentities.map(({ id, displayName, description }) => ({
        id,
        displayName,
        description,
      })),
    };
    res.json(body);
  });
  router.post(routePattern(apiPathTemplates.devToken), async (req, res) => {
    const { user } = parseWith(devTokenRequestSchema, req.body, "The token request");
    const person = demoIdentities.find((identity) => identity.id === user);
    if (!person) throw new Error(`demo identity ${user} is missing from demoIdentities`);
    const body: DevTokenResponse = { token: await localTokens.issue(person) };
    res.json(body);
  });
  return router;
}
