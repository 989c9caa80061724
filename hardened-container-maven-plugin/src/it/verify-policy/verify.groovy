// Hand edits that break the rules fail verify, each finding naming the rule, the file and line, and the fix;
// the drift comes with a unified diff; the SARIF log is valid JSON with the rule IDs.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// Dockerfile lines are found in the committed file, not written down: a template change moves them.
def dockerfileLines = new File(basedir, 'Dockerfile').readLines()
def lineOf = { String text -> dockerfileLines.findIndexOf { it.startsWith(text) } + 1 }
def userLine = lineOf('USER root')
def runtimeFromLine = lineOf('FROM ${RUNTIME_IMAGE} AS runtime')
assert userLine > 0 && runtimeFromLine > 0
// The database's ports: line, found in the committed compose.yaml (the last "ports:" key), not written down.
def dbPorts = new File(basedir, 'compose.yaml').readLines().findLastIndexOf { it == '    ports:' } + 1
assert dbPorts > 0
[
    "[WARNING] HIGH HC-CP002 compose.yaml:7: service app keeps Docker's default capabilities (no cap_drop: [ALL])",
    "[INFO]     rule: cap_drop: [ALL], no cap_add [KICS Container Capabilities Unrestricted, CIS Docker 5.4]",
    "[INFO]     fix: set cap_drop: [ALL] and remove cap_add",
    "[WARNING] CRITICAL HC-CP006 compose.yaml:${dbPorts}: database service db publishes ports [5432:5432]",
    "[WARNING] HIGH HC-CP007 compose.yaml:${dbPorts + 1}: service db publishes 5432:5432 on every host interface",
    "[WARNING] HIGH HC-DF001 Dockerfile:${userLine}: USER root is not numeric: runtimes cannot verify a name is non-root",
    "[WARNING] HIGH HC-DF002 Dockerfile:${runtimeFromLine}: base image eclipse-temurin:latest uses the tag latest, which floats: use an explicit version tag, such as :17-jre-noble",
    "[WARNING] HIGH HC-GH001 .github/workflows/container.yml:28: actions/checkout@v7 is pinned to a tag or branch, which can be moved (as trivy-action's tags were in March 2026)",
    "[WARNING] HIGH HC-VF001 compose.yaml:19: differs from what the templates render (diff below)",
    "[WARNING] --- Dockerfile (generated)",
    "[WARNING] +++ Dockerfile (committed)",
    "[WARNING] -ARG RUNTIME_IMAGE=gcr.io/distroless/cc-debian12:nonroot",
    "[WARNING] +ARG RUNTIME_IMAGE=eclipse-temurin:latest",
    "[WARNING] -USER 10001:10001",
    "[WARNING] +USER root",
    "[WARNING] -    cap_drop:",
    "[INFO] Hardening check: 1 critical, 8 high, 3 medium, 0 low, 0 info, 0 waived",
    "Container hardening check failed; files differ from the templates: run mvn hardened:generate, or for a deliberate edit add a waiver for HC-VF001 with the file and a reason to .hardened-waivers.yaml; findings at or above high fail the build (<failOn>)",
].each { assert log.contains(it) : "build.log lacks: " + it }

def sarif = new JsonSlurper().parse(new File(basedir, 'target/hardened/verify-report.sarif'))
assert sarif.version == '2.1.0'
def ids = sarif.runs[0].results*.ruleId as Set
assert ids.containsAll(['HC-CP002', 'HC-CP006', 'HC-CP007', 'HC-DF001', 'HC-DF002', 'HC-GH001', 'HC-VF001'])
assert sarif.runs[0].results.every { it.locations[0].physicalLocation.artifactLocation.uri }
def json = new JsonSlurper().parse(new File(basedir, 'target/hardened/verify-report.json'))
assert json.summary.critical == 1 && json.summary.high == 8
true
