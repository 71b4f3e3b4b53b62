import helmet from "helmet";
import type { Config } from "../config";

/**
 * The hosts that embed Teams tabs: Teams on the web and on the desktop, Outlook and the
 * Microsoft 365 app, as listed under "Set Content Security Policy headers to allow Teams and any
 * other host applications of your app" in Microsoft's "Prerequisites" for tabs
 * (learn.microsoft.com/microsoftteams/platform/tabs/how-to/tab-requirements). `*.cloud.microsoft`
 * is where those clients are moving; the page asks to keep the older hosts during the move.
 */
export const tabHostOrigins = [
  "https://*.cloud.microsoft",
  "https://teams.microsoft.com",
  "https://*.teams.microsoft.com",
  "https://*.microsoft365.com",
  "https://*.office.com",
  "https://outlook.office.com",
  "https://outlook.office365.com",
  "https://outlook-sdf.office.com",
  "https://outlook-sdf.office365.com",
] as const;

/**
 * Where teams-js fetches its list of valid host origins at start-up (its `validOriginsCdnEndpoint`);
 * when blocked it falls back to a built-in list, so this only keeps the list current.
 */
const teamsJsOriginListHost = "https://res.cdn.office.net";

/**
 * Helmet with the tab's Content Security Policy, on every response (tab and API alike):
 * - `frame-ancestors` lets only the tab's own origin and the Microsoft hosts above frame it, so
 *   no other site can overlay it (X-Frame-Options cannot name a list, so helmet's is off and
 *   browsers follow frame-ancestors);
 * - scripts only from the service; styles inline too, because Fluent UI writes its styles at run
 *   time and index.html has a small style block;
 * - HSTS and upgrade-insecure-requests only when the public address is https (behind TLS): on
 *   http://localhost they would make browsers try https that the local stack does not serve.
 */
export function securityHeaders(config: Pick<Config, "PUBLIC_BASE_URL">) {
  const behindTls = config.PUBLIC_BASE_URL.startsWith("https:");
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "base-uri": ["'self'"],
        "connect-src": ["'self'", teamsJsOriginListHost],
        "font-src": ["'self'", "data:"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'", ...tabHostOrigins],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "script-src": ["'self'"],
        "script-src-attr": ["'none'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "upgrade-insecure-requests": behindTls ? [] : null,
      },
    },
    xFrameOptions: false,
    strictTransportSecurity: behindTls ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
}
