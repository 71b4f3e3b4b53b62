import { ConfigError, defaultOpenIdMetadataUrl, loadConfig } from "./config";

function envFactory(overrides: Record<string, string | undefined> = {}) {
  return { STORAGE_CONNECTION_STRING: "UseDevelopmentStorage=true", ...overrides };
}

/** A submission key secret as an operator would make one. */
const secret = "c2VjcmV0LWZvci10ZXN0cy1vbmx5LW5vdC1hLXJlYWwtb25l";

describe("loadConfig", () => {
  it("fills in the defaults of local development", () => {
    const config = loadConfig(envFactory());

    expect(config).toMatchObject({
      NODE_ENV: "development",
      PORT: 3978,
      HOST: "127.0.0.1",
      LOG_LEVEL: "info",
      AUTH_MODE: "local",
      ENTRA_OPENID_METADATA_URL: defaultOpenIdMetadataUrl,
      MicrosoftAppId: "",
      MicrosoftAppType: "MultiTenant",
      PUBLIC_BASE_URL: "http://localhost:3978",
    });
  });

  it("limits the API and the identity provider's key loads by default", () => {
    const config = loadConfig(envFactory());

    expect(config).toMatchObject({
      RATE_LIMIT_WINDOW_SECONDS: 60,
      RATE_LIMIT_PER_PERSON: 300,
      RATE_LIMIT_PER_TENANT: 6_000,
      RATE_LIMIT_PER_ADDRESS: 600,
      ENTRA_KEYS_TIMEOUT_SECONDS: 5,
      ENTRA_KEYS_TTL_MINUTES: 60,
      TRUST_PROXY_HOPS: 0,
    });
  });

  it("takes the rate limits from the environment and names one that is not a positive number", () => {
    const config = loadConfig(envFactory({ RATE_LIMIT_PER_PERSON: "50", TRUST_PROXY_HOPS: "1" }));

    expect(config.RATE_LIMIT_PER_PERSON).toBe(50);
    expect(config.TRUST_PROXY_HOPS).toBe(1);
    expect(() => loadConfig(envFactory({ RATE_LIMIT_PER_TENANT: "0" }))).toThrow(
      /RATE_LIMIT_PER_TENANT/,
    );
    expect(() => loadConfig(envFactory({ ENTRA_KEYS_TIMEOUT_SECONDS: "soon" }))).toThrow(
      /ENTRA_KEYS_TIMEOUT_SECONDS/,
    );
  });

  it("names the missing storage connection string", () => {
    expect(() => loadConfig({})).toThrow(ConfigError);
    expect(() => loadConfig({})).toThrow(/STORAGE_CONNECTION_STRING/);
  });

  it("names a port that is not a number", () => {
    expect(() => loadConfig(envFactory({ PORT: "eighty" }))).toThrow(/PORT/);
  });

  it("refuses local demo tokens in production", () => {
    expect(() =>
      loadConfig(
        envFactory({
          NODE_ENV: "production",
          AUTH_MODE: "local",
          MicrosoftAppId: "bot",
          MicrosoftAppTenantId: "t",
        }),
      ),
    ).toThrow(/AUTH_MODE/);
  });

  it("asks for an audience in entra mode", () => {
    expect(() =>
      loadConfig(
        envFactory({ AUTH_MODE: "entra", MicrosoftAppId: "bot", MicrosoftAppTenantId: "t" }),
      ),
    ).toThrow(/ENTRA_CLIENT_ID/);
  });

  it("refuses an empty bot app id outside local mode", () => {
    expect(() => loadConfig(envFactory({ AUTH_MODE: "entra", ENTRA_CLIENT_ID: "client" }))).toThrow(
      /MicrosoftAppId/,
    );
  });

  it("asks for the bot's tenant when the bot is single-tenant", () => {
    expect(() => loadConfig(envFactory({ MicrosoftAppId: "bot" }))).toThrow(/MicrosoftAppTenantId/);
  });

  it("accepts a complete entra configuration", () => {
    const config = loadConfig(
      envFactory({
        NODE_ENV: "production",
        AUTH_MODE: "entra",
        ENTRA_CLIENT_ID: "client",
        MicrosoftAppId: "bot",
        MicrosoftAppType: "UserAssignedMSI",
        MicrosoftAppTenantId: "tenant",
        PUBLIC_BASE_URL: "https://hub.example.com/",
        PORT: "8080",
        SUBMISSION_KEY_SECRET: secret,
      }),
    );

    expect(config).toMatchObject({
      AUTH_MODE: "entra",
      MicrosoftAppType: "UserAssignedMSI",
      PUBLIC_BASE_URL: "https://hub.example.com",
      PORT: 8080,
      SUBMISSION_KEY_SECRET: secret,
    });
  });

  it("listens on loopback only in local mode unless HOST says otherwise", () => {
    expect(loadConfig(envFactory()).HOST).toBe("127.0.0.1");
    expect(loadConfig(envFactory({ HOST: "" })).HOST).toBe("127.0.0.1");
    expect(loadConfig(envFactory({ HOST: "0.0.0.0" })).HOST).toBe("0.0.0.0");
  });

  const entra = {
    AUTH_MODE: "entra",
    ENTRA_CLIENT_ID: "client",
    MicrosoftAppId: "bot",
    MicrosoftAppTenantId: "tenant",
  };

  it("keeps an explicit HOST outside local mode, and all interfaces when it is unset", () => {
    const withSecret = { ...entra, SUBMISSION_KEY_SECRET: "s".repeat(32) };

    expect(loadConfig(envFactory({ ...withSecret, HOST: "10.0.0.4" })).HOST).toBe("10.0.0.4");
    expect(loadConfig(envFactory(withSecret)).HOST).toBe("0.0.0.0");
  });

  it("asks for the submission key secret outside local mode", () => {
    expect(() => loadConfig(envFactory(entra))).toThrow(/SUBMISSION_KEY_SECRET is required/);
    expect(() => loadConfig(envFactory({ ...entra, SUBMISSION_KEY_SECRET: "short" }))).toThrow(
      /SUBMISSION_KEY_SECRET must be at least 32 characters/,
    );
  });

  it("makes up a submission key secret in local mode, new on every start", () => {
    const first = loadConfig(envFactory()).SUBMISSION_KEY_SECRET;
    const second = loadConfig(envFactory()).SUBMISSION_KEY_SECRET;

    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(second).not.toBe(first);
  });

  it("treats empty optional variables as unset", () => {
    const config = loadConfig(envFactory({ TEAMS_APP_ID: "", TAB_DIST_DIR: "" }));

    expect(config.TEAMS_APP_ID).toBeUndefined();
    expect(config.TAB_DIST_DIR).toBeUndefined();
  });
});
