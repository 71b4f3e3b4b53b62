import { randomBytes } from "node:crypto";
import { z } from "zod";

/** The Microsoft common v2.0 OpenID metadata: accepts tokens of any tenant (multi-tenant app). */
export const defaultOpenIdMetadataUrl =
  "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

/** A configuration problem found at start-up; the message names the variable to fix. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value === "" ? undefined : value));

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    PORT: z.coerce.number().int().min(0).max(65_535).default(3978),
    HOST: optionalText,
    LOG_LEVEL: z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
      .default("info"),
    AUTH_MODE: z.enum(["local", "entra"]).default("local"),
    /** Azurite locally; on Azure the managed identity is used instead (STORAGE_ACCOUNT_NAME). */
    STORAGE_CONNECTION_STRING: optionalText,
    /** The storage account reached with a token credential when there is no connection string. */
    STORAGE_ACCOUNT_NAME: optionalText.pipe(
      z
        .string()
        .regex(
          /^[a-z0-9]{3,24}$/,
          "must be a storage account name: 3 to 24 lower-case letters and digits.",
        )
        .optional(),
    ),
    /** The client id of the user-assigned managed identity that signs in to storage. */
    AZURE_CLIENT_ID: optionalText,
    ENTRA_CLIENT_ID: optionalText,
    ENTRA_APP_ID_URI: optionalText,
    ENTRA_OPENID_METADATA_URL: z.url().default(defaultOpenIdMetadataUrl),
    /** How long one load of the OpenID metadata and signing keys may take before it is given up. */
    ENTRA_KEYS_TIMEOUT_SECONDS: z.coerce.number().positive().max(60).default(5),
    /** How long loaded signing keys are used before they are loaded again in the background. */
    ENTRA_KEYS_TTL_MINUTES: z.coerce
      .number()
      .positive()
      .max(24 * 60)
      .default(60),
    /**
     * Proxies in front of the service whose X-Forwarded-For is trusted for the caller's address
     * (App Service: 1). 0 uses the connection's address.
     */
    TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    /** The window of the API's rate limits. */
    RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().positive().max(3_600).default(60),
    /** API requests one person (tenant + user of the verified token) may send per window. */
    RATE_LIMIT_PER_PERSON: z.coerce.number().int().positive().default(300),
    /** API requests all the people of one tenant together may send per window. */
    RATE_LIMIT_PER_TENANT: z.coerce.number().int().positive().default(6_000),
    /** API requests without a verified token (public config, sign-in) per network address. */
    RATE_LIMIT_PER_ADDRESS: z.coerce.number().int().positive().default(600),
    MicrosoftAppId: z.string().trim().default(""),
    MicrosoftAppPassword: z.string().default(""),
    MicrosoftAppType: optionalText.pipe(
      z.enum(["MultiTenant", "SingleTenant", "UserAssignedMSI"]).optional(),
    ),
    MicrosoftAppTenantId: z.string().trim().default(""),
    PUBLIC_BASE_URL: optionalText.pipe(z.url().optional()),
    TEAMS_APP_ID: optionalText,
    TAB_DIST_DIR: optionalText,
    /**
     * Keys the ids of retro entries (HMAC): a person repeating a submission finds their entry, and
     * without it nobody can test from storage who wrote an anonymous one. Made up at start in
     * local mode; elsewhere it must stay the same across restarts and instances.
     */
    SUBMISSION_KEY_SECRET: optionalText.pipe(
      z
        .string()
        .min(32, "must be at least 32 characters: a long random value (openssl rand -base64 48).")
        .optional(),
    ),
    /** Runs the scheduler and queue workers (bot/src/jobs); tests of the API alone turn it off. */
    JOBS_ENABLED: z
      .enum(["true", "false"])
      .default("true")
      .transform((value) => value === "true"),
    /** How often the scheduler leader looks for due work. */
    JOBS_TICK_SECONDS: z.coerce.number().positive().default(30),
    /** How long a lease lasts without renewal; another instance takes over after it. */
    JOBS_LEASE_SECONDS: z.coerce.number().positive().default(90),
    /** How long a received queue message stays hidden; a dead worker's message returns after it. */
    JOBS_VISIBILITY_SECONDS: z.coerce.number().int().positive().default(60),
    /** Teams' limit per app in one tenant; the limiter keeps below it in each tenant. */
    JOBS_APP_RATE_PER_SECOND: z.coerce.number().int().positive().default(50),
    /** Sends in flight at once per instance. */
    JOBS_CONCURRENCY: z.coerce.number().int().positive().default(64),
    JOBS_QUEUE_NAME: z.string().trim().min(3).default("deliveries"),
    /** Communities one tenant may have; creating one more is refused with a 409 that says so. */
    COMMUNITIES_PER_TENANT_MAX: z.coerce.number().int().positive().max(100_000).default(200),
  })
  .superRefine((env, ctx) => {
    if (!env.STORAGE_CONNECTION_STRING && !env.STORAGE_ACCOUNT_NAME) {
      ctx.addIssue({
        code: "custom",
        path: ["STORAGE_CONNECTION_STRING"],
        message:
          "is required: the Azure Storage (or Azurite) connection string, or STORAGE_ACCOUNT_NAME to reach storage with a managed identity.",
      });
    }
    if (env.AUTH_MODE === "local" && env.NODE_ENV === "production") {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_MODE"],
        message:
          "is local, which hands out demo tokens; set AUTH_MODE=entra when NODE_ENV=production.",
      });
    }
    if (env.AUTH_MODE !== "local" && !env.SUBMISSION_KEY_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["SUBMISSION_KEY_SECRET"],
        message:
          "is required when AUTH_MODE=entra: a long random value (openssl rand -base64 48), the same on every instance and across restarts.",
      });
    }
    if (env.AUTH_MODE === "entra" && !env.ENTRA_CLIENT_ID && !env.ENTRA_APP_ID_URI) {
      ctx.addIssue({
        code: "custom",
        path: ["ENTRA_CLIENT_ID"],
        message: "or ENTRA_APP_ID_URI is required when AUTH_MODE=entra (the token audience).",
      });
    }
    const appType =
      env.MicrosoftAppType ?? (env.MicrosoftAppId === "" ? "MultiTenant" : "SingleTenant");
    // botbuilder refuses these combinations at the first request; say so at start-up instead.
    if (env.MicrosoftAppId !== "" && appType !== "MultiTenant" && env.MicrosoftAppTenantId === "") {
      ctx.addIssue({
        code: "custom",
        path: ["MicrosoftAppTenantId"],
        message: `is required when MicrosoftAppType=${appType}: set the bot's home tenant id.`,
      });
    }
    if (env.MicrosoftAppId === "" && appType !== "MultiTenant") {
      ctx.addIssue({
        code: "custom",
        path: ["MicrosoftAppId"],
        message: `is required when MicrosoftAppType=${appType}.`,
      });
    }
    if (env.AUTH_MODE !== "local" && env.MicrosoftAppId === "") {
      ctx.addIssue({
        code: "custom",
        path: ["MicrosoftAppId"],
        message: "may be empty only when AUTH_MODE=local; set the bot's app id.",
      });
    }
  });

/** The service configuration, parsed once at start-up from the environment. */
export type Config = Omit<
  z.infer<typeof envSchema>,
  "PUBLIC_BASE_URL" | "MicrosoftAppType" | "HOST" | "SUBMISSION_KEY_SECRET"
> & {
  /**
   * The interface the service listens on: HOST when set; otherwise 127.0.0.1 in local mode,
   * where anyone who reaches the port can mint a champion's token, and 0.0.0.0 with Entra.
   */
  HOST: string;
  /**
   * SingleTenant by default; MultiTenant when MicrosoftAppId is empty (local mode without bot
   * auth), because botbuilder refuses a single-tenant bot that has no app id.
   */
  MicrosoftAppType: "MultiTenant" | "SingleTenant" | "UserAssignedMSI";
  /** Base URL used in card links; defaults to http://localhost:<PORT>. */
  PUBLIC_BASE_URL: string;
  /** Always set: from the environment, or made up at start in local mode. */
  SUBMISSION_KEY_SECRET: string;
};

/**
 * Parses the environment into a Config. Throws a ConfigError naming every variable that is
 * missing or wrong, so the service stops before it serves anything.
 */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (issue) => `${issue.path.join(".") || "environment"} ${issue.message}`,
    );
    throw new ConfigError(`Invalid configuration:\n  ${lines.join("\n  ")}`);
  }
  const { PUBLIC_BASE_URL, MicrosoftAppType, HOST, SUBMISSION_KEY_SECRET, ...rest } = parsed.data;
  return {
    ...rest,
    HOST: HOST ?? (rest.AUTH_MODE === "local" ? "127.0.0.1" : "0.0.0.0"),
    // Local mode only (the schema requires it elsewhere): entries keep their ids until a restart,
    // like the demo tokens' secret.
    SUBMISSION_KEY_SECRET: SUBMISSION_KEY_SECRET ?? randomBytes(32).toString("base64url"),
    MicrosoftAppType:
      MicrosoftAppType ?? (rest.MicrosoftAppId === "" ? "MultiTenant" : "SingleTenant"),
    PUBLIC_BASE_URL: (PUBLIC_BASE_URL ?? `http://localhost:${rest.PORT}`).replace(/\/+$/, ""),
  };
}
