import { routePattern, type PathParamNames } from "@practice-hub/shared";
import express, { type Request, type RequestHandler, type Response, type Router } from "express";
import type { z } from "zod";
import { actorOf, type Actor } from "../auth";
import {
  authorizePersonal,
  type PolicyAction,
  type PersonalResource,
  type Viewer,
} from "../policies";
import { communityAccessChecker, type CommunityResource } from "../policies/communityAccess";
import { viewerLoader } from "../policies/viewerLoader";
import type { Store } from "../store";
import { communityIdParam } from "./communityIdParam";
import { parseWith, requiredIfMatch } from "./validate";

/**
 * A part of the request checked with a schema; `what` names it in the 400's sentences. Path
 * parameters that cannot name anything (an id the service never makes) are simply not found:
 * `notFound` gives that error instead of the 400.
 */
interface Checked<S extends z.ZodType> {
  schema: S;
  what: string;
  notFound?: () => Error;
}

/** What a route declares; the helper checks each part in this order before the handler runs. */
export interface RouteDeclaration<
  T extends string,
  P extends z.ZodType | undefined,
  Q extends z.ZodType | undefined,
  B extends z.ZodType | undefined,
  A extends RouteAuthorization | undefined,
> {
  method: "get" | "post" | "put" | "patch" | "delete";
  /** A template of `apiPathTemplates`; `:communityId`, when present, must be a community id. */
  path: T;
  /** Path parameters besides the community id. */
  params?: P extends z.ZodType ? Checked<P> : undefined;
  query?: Q extends z.ZodType ? Checked<Q> : undefined;
  body?: B extends z.ZodType ? Checked<B> : undefined;
  /** The 428's sentence when the change needs an If-Match and none came. */
  ifMatch?: string;
  /**
   * The policy question asked before the handler runs. Of the community in the path (404 for a
   * community the tenant does not have, 403 when not allowed): routes whose read already proves
   * the community exists authorize in the handler instead, to spare a storage call. Or of the
   * caller's own things or their tenant (`PersonalAuthorization`): then no roles are read.
   */
  authorize?: A;
}

/** Resources judged by their community alone (swaps and retro actions need more than a path). */
type WholeCommunityKind = Exclude<CommunityResource["kind"], "ritualSwap" | "retroAction">;

/** A policy question about the community of the path, answered from the viewer's roles. */
export interface CommunityAuthorization {
  kind: WholeCommunityKind;
  action: PolicyAction;
}

/**
 * A policy question about the caller's own things ("person": their digest settings) or their
 * tenant as a whole ("tenant": a new community, the ritual catalogue). The policy judges these
 * without roles, so the route never reads them and its handler gets the actor, not a viewer.
 */
export interface PersonalAuthorization {
  kind: PersonalResource["kind"];
  action: PolicyAction;
}

/** Either kind of policy question a route may declare. */
export type RouteAuthorization = CommunityAuthorization | PersonalAuthorization;

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

/**
 * What the handler gets: everything declared, checked and typed; the viewer (the actor with
 * their roles) unless the route declared a personal policy question.
 */
export type RouteContext<P, Q, B, A> = RouteBasics<P, Q, B> &
  (A extends PersonalAuthorization ? unknown : { viewer: Viewer });

interface RouteBasics<P, Q, B> {
  req: Request;
  res: Response;
  /** The caller, from the verified token. */
  actor: Actor;
  /** The community of the path ("" for paths without one). */
  communityId: string;
  params: Parsed<P>;
  query: Parsed<Q>;
  body: Parsed<B>;
  /** The If-Match header when declared ("" otherwise). */
  ifMatch: string;
}

/** The helper's dependencies: the store for the viewer and the policy, and the token check. */
export interface RouteDeps {
  store: Store;
  authenticated: RequestHandler;
}

/**
 * Mounts one authenticated route from its declaration, so its handler reads as command and
 * present: the community id, path parameters, query, If-Match and body are checked (each with
 * its own sentence), the viewer loaded (not for a personal policy question), and the declared
 * policy asked, in that order.
 */
export function route<
  T extends string,
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  const A extends RouteAuthorization | undefined = undefined,
>(
  router: Router,
  deps: RouteDeps,
  declaration: RouteDeclaration<T, P, Q, B, A> &
    ("communityId" extends PathParamNames<T> ? unknown : { authorize?: PersonalAuthorization }),
  handler: (context: RouteContext<P, Q, B, A>) => Promise<void> | void,
): void {
  const { store, authenticated } = deps;
  const hasCommunity = declaration.path.includes(":communityId");
  router[declaration.method](routePattern(declaration.path), authenticated, async (req, res) => {
    const communityId = hasCommunity ? communityIdParam(req.params["communityId"]) : "";
    const parse = <S extends z.ZodType>(checked: Checked<S> | undefined, value: unknown) => {
      if (!checked) return undefined;
      if (!checked.notFound) return parseWith(checked.schema, value, checked.what);
      const parsed = checked.schema.safeParse(value);
      if (!parsed.success) throw checked.notFound();
      return parsed.data;
    };
    const params = parse(declaration.params, req.params) as Parsed<P>;
    const query = parse(declaration.query, req.query) as Parsed<Q>;
    const ifMatch = declaration.ifMatch ? requiredIfMatch(req, declaration.ifMatch) : "";
    const body = parse(declaration.body, req.body) as Parsed<B>;
    const actor = actorOf(res);
    const basics: RouteBasics<P, Q, B> = {
      req,
      res,
      actor,
      communityId,
      params,
      query,
      body,
      ifMatch,
    };
    const authorization: RouteAuthorization | undefined = declaration.authorize;
    if (authorization && isPersonal(authorization)) {
      const { kind, action } = authorization;
      authorizePersonal(
        actor,
        action,
        kind === "person" ? { kind, userId: actor.userId } : { kind },
      );
      // No viewer: the declaration said so, and RouteContext<…, A> has none to give.
      await handler(basics as RouteContext<P, Q, B, A>);
      return;
    }
    const viewer = await viewerLoader({ store, actor });
    if (authorization) {
      const { kind, action } = authorization;
      const resource = { kind, communityId } as Extract<CommunityResource, { kind: typeof kind }>;
      await communityAccessChecker({ store, viewer, resource, action });
    }
    await handler({ ...basics, viewer } as RouteContext<P, Q, B, A>);
  });
}

function isPersonal(authorization: RouteAuthorization): authorization is PersonalAuthorization {
  return authorization.kind === "tenant" || authorization.kind === "person";
}

/** `route` with its router and dependencies already given: what an area's router file calls. */
export type BoundRoute = <
  T extends string,
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  const A extends RouteAuthorization | undefined = undefined,
>(
  declaration: RouteDeclaration<T, P, Q, B, A> &
    ("communityId" extends PathParamNames<T> ? unknown : { authorize?: PersonalAuthorization }),
  handler: (context: RouteContext<P, Q, B, A>) => Promise<void> | void,
) => void;

/** A new router for an area, and `route` mounting on it: `route(declaration, handler)`. */
export function areaRouter(deps: RouteDeps): { router: Router; route: BoundRoute } {
  const router = express.Router();
  return { router, route: (declaration, handler) => route(router, deps, declaration, handler) };
}
