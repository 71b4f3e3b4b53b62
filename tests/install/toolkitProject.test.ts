import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import Ajv from "ajv";
import { parse } from "yaml";
import { parseEnvFile } from "../../bot/src/local/packageApp";

const rootDir = path.resolve(__dirname, "../..");
const read = (file: string) => readFileSync(path.join(rootDir, file), "utf8");

/** One action of a lifecycle stage, as m365agents.yml writes it. */
interface Action {
  uses: string;
  with?: Record<string, unknown>;
  writeToEnvironmentFile?: Record<string, string>;
}
interface Project {
  version: string;
  provision: Action[];
  deploy: Action[];
  publish?: Action[];
}

/** Each project file, its environment, and what its person provides by hand before provision. */
const projects = [
  {
    file: "m365agents.yml",
    env: "dev",
    // Asked for by provision when empty; the secret goes to env/.env.dev.user.
    byHand: ["AZURE_SUBSCRIPTION_ID", "AZURE_RESOURCE_GROUP_NAME", "SECRET_SUBMISSION_KEY"],
  },
  { file: "m365agents.local.yml", env: "local", byHand: ["TAB_DOMAIN", "TAB_ENDPOINT"] },
];

const placeholder = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
const variablesIn = (text: string) => [...text.matchAll(placeholder)].map((match) => match[1]);

function readProject(file: string): Project {
  return parse(read(file)) as Project;
}

/** The files an action reads, whose placeholders the toolkit fills too. */
function inputFilesOf(action: Action): string[] {
  const given = action.with ?? {};
  const files: string[] = [];
  if (typeof given["manifestPath"] === "string") files.push(given["manifestPath"]);
  if (Array.isArray(given["templates"])) {
    for (const template of given["templates"] as { path: string; parameters?: string }[]) {
      files.push(template.path, ...(template.parameters ? [template.parameters] : []));
    }
  }
  return files;
}

/** What an action writes to the environment: declared outputs, script outputs, Bicep outputs. */
function outputsOf(action: Action): string[] {
  const written = Object.values(action.writeToEnvironmentFile ?? {});
  const run = action.with?.["run"];
  if (typeof run === "string") {
    written.push(
      ...[...run.matchAll(/::set-teamsfx-env ([A-Z0-9_]+)=/g)].map((match) => match[1]!),
    );
  }
  for (const file of inputFilesOf(action).filter((name) => name.endsWith(".bicep"))) {
    written.push(...[...read(file).matchAll(/^output ([A-Z][A-Z0-9_]*) /gm)].map((m) => m[1]!));
  }
  return written;
}

describe.each(projects)("the Agents Toolkit project $file", ({ file, env, byHand }) => {
  const project = readProject(file);
  const envValues = parseEnvFile(read(`env/.env.${env}`));

  it("follows the toolkit's own schema for its version", () => {
    const schemaPath = path.join(
      path.dirname(require.resolve("@microsoft/m365agentstoolkit-cli/package.json")),
      "resource",
      "yaml-schema",
      project.version,
      "yaml.schema.json",
    );
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")) as object);

    validate(project);

    expect(validate.errors ?? []).toEqual([]);
  });

  it("reads only files that exist", () => {
    const actions = [...project.provision, ...project.deploy, ...(project.publish ?? [])];
    const inputs = actions.flatMap(inputFilesOf);

    expect(inputs.length).toBeGreaterThan(0);
    for (const input of inputs)
      expect([input, existsSync(path.join(rootDir, input))]).toEqual([input, true]);
  });

  it("has every variable defined before the action that uses it", () => {
    const defined = new Set([
      ...Object.keys(envValues).filter((name) => envValues[name] !== ""),
      ...byHand,
    ]);
    const undefinedUses: string[] = [];
    for (const stage of [project.provision, project.deploy, project.publish ?? []]) {
      for (const action of stage) {
        const texts = [JSON.stringify(action.with ?? {}), ...inputFilesOf(action).map(read)];
        for (const name of texts.flatMap(variablesIn)) {
          // aadApp/update makes this scope id itself when it is empty.
          const madeByAction =
            action.uses === "aadApp/update" && name === "AAD_APP_ACCESS_AS_USER_PERMISSION_ID";
          if (!defined.has(name!) && !madeByAction) undefinedUses.push(`${action.uses}: ${name}`);
        }
        for (const name of outputsOf(action)) defined.add(name);
      }
    }

    expect(undefinedUses).toEqual([]);
  });

  it("lists in its env file every variable provision writes, and nothing it never writes", () => {
    const actions = [...project.provision, ...(project.publish ?? [])];
    const written = new Set([
      ...actions.flatMap(outputsOf),
      "AAD_APP_ACCESS_AS_USER_PERMISSION_ID",
    ]);
    const secrets = [...written].filter((name) => name.startsWith("SECRET_"));
    const listed = Object.keys(envValues);

    // Secrets go to env/.env.<name>.user, which is never committed.
    expect(
      [...written].filter((name) => !secrets.includes(name) && !listed.includes(name)),
    ).toEqual([]);
    const emptyUnwritten = listed.filter(
      (name) => envValues[name] === "" && !written.has(name) && !byHand.includes(name),
    );
    expect(emptyUnwritten).toEqual([]);
  });
});

describe("the toolkit's environments", () => {
  it("keep secrets out of the committed env files", () => {
    for (const { env } of projects) {
      const values = parseEnvFile(read(`env/.env.${env}`));
      expect(Object.keys(values).filter((name) => name.startsWith("SECRET_"))).toEqual([]);
    }
    expect(read(".gitignore")).toMatch(/^env\/\.env\.\*\.user$/m);
    expect(read(".gitignore")).toMatch(/^\.localConfigs$/m);
  });
});
