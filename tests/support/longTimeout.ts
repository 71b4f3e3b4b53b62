// Cross-package tests start Azurite, the service, Chromium or the Agents Playground: give them time.
jest.setTimeout(120_000);
