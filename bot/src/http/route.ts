import { routePattern, type PathParamNames } from "@practice-hub/shared";
import type { Request, RequestHandler, Response, Router } from "express";
import type { z } from "zod";
import { actorOf } from "../auth";
import type { PolicyAction, Viewer } from "../policies";
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
   * The policy question asked of the community in the path before the handler runs (404 for a
   * community the tenant does not have, 403 when not allowed). Routes whose read already proves
   * the community exists authorize in the handler instead, to spare a storage call.
   */
  authorize?: { kind: WholeCommunityKind; action: PolicyAction };
}

/** Resources judged by their community alone (swaps and retro actions need more than a path). */
type WholeCommunityKind = Exclude<CommunityResource["kind"], "ritualSwap" | "retroAction">;

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What the handler gets: everything declared, checked and typed. */
export interface RouteContext<P, Q, B> {
  req: Request;
  res: Response;
  viewer: Viewer;
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
 * its own sentence), the viewer loaded, and the declared policy asked, in that order.
 */
export function route<
  T extends string,
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
>(
  router: Router,
  deps: RouteDeps,
  declaration: RouteDeclaration<T, P, Q, B> &
    ("communityId" extends PathParamNames<T> ? unknown : { authorize?: undefined }),
  handler: (context: RouteContext<P, Q, B>) => Promise<void> | void,
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
    const viewer = await viewerLoader({ store, actor: actorOf(res) });
    if (declaration.authorize) {
      const { kind, action } = declaration.authorize;
      const resource = { kind, communityId } as Extract<CommunityResource, { kind: typeof kind }>;
      await communityAccessChecker({ store, viewer, resource, action });
    }
    await handler({ req, res, viewer, communityId, params, query, body, ifMatch });
  });
}
