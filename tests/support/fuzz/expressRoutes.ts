import type { Express } from "express";

/**
 * The parts of express's router internals (the `router` package, v2) this walk reads. They are
 * not in @types/express, so they are described here rather than reached through `any`.
 */
interface RouterLayer {
  /** The path given to `use` or to the route: a string, a RegExp, or a list of them. */
  rawPath?: unknown;
  route?: { path: unknown; methods: Record<string, boolean> };
  handle?: { stack?: RouterLayer[] };
}

function pathText(path: unknown): string {
  return Array.isArray(path) ? path.map(pathText).join("|") : String(path);
}

function walk(stack: RouterLayer[], prefix: string, found: string[]): void {
  for (const layer of stack) {
    if (layer.route) {
      const path = pathText(layer.route.path);
      for (const [method, on] of Object.entries(layer.route.methods)) {
        if (on && method !== "_all") found.push(`${method.toUpperCase()} ${prefix}${path}`);
      }
    } else if (layer.handle?.stack) {
      const mount = layer.rawPath === undefined ? "/" : pathText(layer.rawPath);
      walk(layer.handle.stack, mount === "/" ? prefix : `${prefix}${mount}`, found);
    }
  }
}

/**
 * Every route an express app declares, as "METHOD /full/path" (mount prefixes included, RegExp
 * paths as their source), found by walking its router stack. Plain middleware is left out.
 */
export function expressRoutes(app: Express): string[] {
  const router = (app as unknown as { router: { stack: RouterLayer[] } }).router;
  const found: string[] = [];
  walk(router.stack, "", found);
  return found;
}
