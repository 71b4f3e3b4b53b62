// One linter for the repo. The restricted-import rules keep the storage SDK and botbuilder in the
// one folder each that may use them (DESIGN.md): a move to the Agents SDK touches bot/src/teams only.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";

const restricted = (paths) => [
  "error",
  {
    paths: paths.map((name) => ({
      name,
      message: `Import ${name} only in its own folder (see DESIGN.md).`,
    })),
  },
];

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/dist/**",
      "**/dist-types/**",
      ".data/**",
      "appPackage/build/**",
      "coverage/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: "module" },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-console": "error",
    },
  },
  {
    files: ["**/*.{js,cjs}"],
    languageOptions: {
      sourceType: "commonjs",
      globals: {
        module: "writable",
        require: "readonly",
        __dirname: "readonly",
        process: "readonly",
      },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["shared/src/**", "tab/src/**", "bot/src/**"],
    ignores: ["bot/src/store/**", "bot/src/teams/**", "bot/src/queue/**"],
    rules: {
      "no-restricted-imports": restricted([
        "@azure/data-tables",
        "@azure/storage-queue",
        "botbuilder",
      ]),
    },
  },
  {
    files: ["bot/src/store/**"],
    rules: { "no-restricted-imports": restricted(["botbuilder", "@azure/storage-queue"]) },
  },
  {
    files: ["bot/src/queue/**"],
    rules: { "no-restricted-imports": restricted(["botbuilder", "@azure/data-tables"]) },
  },
  {
    files: ["bot/src/teams/**"],
    rules: { "no-restricted-imports": restricted(["@azure/data-tables", "@azure/storage-queue"]) },
  },
  {
    files: ["tab/src/**/*.tsx", "tab/src/**/*.ts"],
    plugins: { "react-hooks": reactHooks },
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "error" },
  },
  { files: ["bot/src/local/**", "tests/**"], rules: { "no-console": "off" } },
);
