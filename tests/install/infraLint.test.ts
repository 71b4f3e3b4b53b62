import { readFileSync } from "node:fs";
import path from "node:path";
import { parseEnvFile } from "../../bot/src/local/packageApp";

/**
 * No Bicep compiler installs from npm without downloading a binary from elsewhere (bicep-node
 * fetches the CLI at run time), so infra/azure.bicep is linted here at the level of its text:
 * delimiters, declarations, the settings an administrator signs off, and the parameters file.
 */
const rootDir = path.resolve(__dirname, "../..");
const read = (file: string) => readFileSync(path.join(rootDir, file), "utf8");

/** The Bicep text without comments and with every string's content blanked (quotes kept). */
function codeOnly(source: string): string {
  let out = "";
  let index = 0;
  while (index < source.length) {
    const rest = source.slice(index);
    if (rest.startsWith("//")) {
      const end = source.indexOf("\n", index);
      index = end === -1 ? source.length : end;
    } else if (rest.startsWith("/*")) {
      index = source.indexOf("*/", index) + 2;
    } else if (source[index] === "'") {
      // Bicep strings: '' is not an escape, \' is; ${...} interpolation may nest strings.
      let depth = 0;
      index += 1;
      out += "'";
      while (index < source.length && (source[index] !== "'" || depth > 0)) {
        if (source[index] === "\\") index += 1;
        else if (source.startsWith("${", index)) depth += 1;
        else if (source[index] === "}" && depth > 0) depth -= 1;
        index += 1;
      }
      if (index >= source.length) throw new Error("a string is not closed");
      out += "'";
      index += 1;
    } else {
      out += source[index];
      index += 1;
    }
  }
  return out;
}

/** Each `{ [ (` closed by its own partner, in order. */
function unbalanced(code: string): string | null {
  const pairs: Record<string, string> = { "}": "{", "]": "[", ")": "(" };
  const stack: string[] = [];
  for (const char of code) {
    if ("{[(".includes(char)) stack.push(char);
    else if (char in pairs && stack.pop() !== pairs[char]) return `unexpected ${char}`;
  }
  return stack.length > 0 ? `unclosed ${stack.join("")}` : null;
}

const bicep = read("infra/azure.bicep");
const code = codeOnly(bicep);
const declared = (kind: string) =>
  [...code.matchAll(new RegExp(`^${kind} ([A-Za-z_][A-Za-z0-9_]*) `, "gm"))].map((m) => m[1]!);

/** The body of `resource <name> '<type>@<version>' ... = {...}`, by its symbolic name. */
function resourceBody(name: string): string {
  const start = bicep.search(new RegExp(`^resource ${name} '`, "m"));
  if (start === -1) throw new Error(`no resource ${name}`);
  const next = bicep.slice(start + 1).search(/^(resource|output|param|var|@description)\b/m);
  return next === -1 ? bicep.slice(start) : bicep.slice(start, start + 1 + next);
}

describe("infra/azure.bicep", () => {
  it("has balanced delimiters and closed strings", () => {
    expect(unbalanced(code)).toBeNull();
  });

  it("declares each name once and uses every parameter and variable it declares", () => {
    const names = [...declared("param"), ...declared("var"), ...declared("resource")];

    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
    for (const name of [...declared("param"), ...declared("var")]) {
      const uses = bicep.match(new RegExp(`\\b${name}\\b`, "g"))?.length ?? 0;
      expect([name, uses > 1]).toEqual([name, true]);
    }
  });

  it("pins an API version on every resource type", () => {
    const types = [...bicep.matchAll(/^resource \w+ '([^']+)'/gm)].map((m) => m[1]!);

    expect(types.length).toBeGreaterThan(5);
    for (const type of types) expect(type).toMatch(/^[\w.]+\/[\w/]+@\d{4}-\d{2}-\d{2}(-preview)?$/);
  });

  it("runs the service on Node 22 LTS, with Always On and the health check", () => {
    const webApp = resourceBody("webApp");

    expect(webApp).toContain("linuxFxVersion: 'NODE|22-lts'");
    expect(webApp).toContain("alwaysOn: true");
    expect(webApp).toContain("healthCheckPath: '/healthz'");
    expect(webApp).toContain("appCommandLine: 'node bot/dist/server.js'");
    expect(bicep).not.toMatch(/NODE\|20|~20/);
  });

  it("reaches storage through the managed identity: roles granted, no key anywhere", () => {
    expect(resourceBody("storage")).toContain("allowSharedKeyAccess: false");
    expect(bicep).not.toMatch(/listKeys|AccountKey|STORAGE_CONNECTION_STRING/);
    for (const role of ["tableDataRole", "queueDataRole"]) {
      const body = resourceBody(role);
      expect(body).toContain("scope: storage");
      expect(body).toContain("principalId: identity.properties.principalId");
    }
    expect(resourceBody("tableDataRole")).toContain("roles.storageTableDataContributor");
    expect(resourceBody("queueDataRole")).toContain("roles.storageQueueDataContributor");
    // Azure's built-in ids for these two roles.
    expect(bicep).toContain("storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'");
    expect(bicep).toContain("storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'");
    const webApp = resourceBody("webApp");
    expect(webApp).toContain("{ name: 'STORAGE_ACCOUNT_NAME', value: storage.name }");
    expect(webApp).toContain("{ name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }");
  });

  it("makes global names unique per resource group", () => {
    expect(bicep).toContain("var suffix = uniqueString(resourceGroup().id)");
    const names = /^var names = \{\n([\s\S]*?)\n\}$/m.exec(bicep)?.[1] ?? "";
    const entries = names.split("\n").filter((line) => /^\s+\w+: /.test(line));
    expect(entries.length).toBeGreaterThanOrEqual(6);
    for (const entry of entries) expect(entry).toContain("${suffix}");
    for (const resource of ["identity", "storage", "plan", "webApp", "bot"]) {
      expect(resourceBody(resource)).toMatch(/^\s+name: names\.\w+$/m);
    }
  });

  it("sends the service's logs to Application Insights", () => {
    expect(resourceBody("insights")).toContain("WorkspaceResourceId: logs.id");
    expect(resourceBody("webApp")).toContain(
      "{ name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }",
    );
    expect(resourceBody("webAppLogs")).toContain(
      "category: 'AppServiceConsoleLogs', enabled: true",
    );
  });

  it("sets only app settings the service reads, or the platform's own", () => {
    const settings = [...resourceBody("webApp").matchAll(/\{ name: '(\w+)'|name: '(\w+)'\n/g)]
      .map((m) => m[1] ?? m[2]!)
      .filter(
        (name) => !/^(WEBSITE_|SCM_|APPLICATIONINSIGHTS_|ApplicationInsightsAgent_)/.test(name),
      );
    const config = read("bot/src/config.ts");

    expect(settings.length).toBeGreaterThan(8);
    for (const name of settings) expect([name, config.includes(`${name}:`)]).toEqual([name, true]);
  });
});

describe("infra/azure.parameters.json", () => {
  const parameters = JSON.parse(read("infra/azure.parameters.json")) as {
    parameters: Record<string, { value: unknown }>;
  };
  const given = Object.keys(parameters.parameters);

  it("gives every required parameter and only declared ones", () => {
    const params = [...bicep.matchAll(/^param (\w+) (\w+)( = .*)?$/gm)];
    const required = params.filter((m) => !m[3]).map((m) => m[1]!);

    expect(given.filter((name) => !params.some((m) => m[1] === name))).toEqual([]);
    expect(required.filter((name) => !given.includes(name))).toEqual([]);
  });

  it("takes ids from env/ instead of repeating them", () => {
    const env = parseEnvFile(read("env/.env.dev"));
    const text = read("infra/azure.parameters.json");

    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
    const variables = [...text.matchAll(/\$\{\{(\w+)\}\}/g)].map((m) => m[1]!);
    expect(variables).toEqual(expect.arrayContaining(["ENTRA_CLIENT_ID", "TEAMS_APP_ID"]));
    for (const name of variables) {
      // Secrets come from env/.env.dev.user, which is never committed.
      expect([name, name.startsWith("SECRET_") || name in env]).toEqual([name, true]);
    }
  });
});
