// A waiver past its expiry fails the build, naming the waiver file's line and what to do.
def log = new File(basedir, 'build.log').text
// The database's ports: line, found in the committed compose.yaml (the last "ports:" key), not written down.
def dbPorts = new File(basedir, 'compose.yaml').readLines().findLastIndexOf { it == '    ports:' } + 1
assert dbPorts > 0
[
    "[ERROR] .hardened-waivers.yaml:2: the waiver for HC-VF001 on compose.yaml expired on 2026-01-31: fix the finding, or renew the waiver with a new date and reason",
    "[ERROR] .hardened-waivers.yaml:6: the waiver for HC-CP006 on compose.yaml expired on 2026-01-31: fix the finding, or renew the waiver with a new date and reason",
    "[WARNING] CRITICAL HC-CP006 compose.yaml:${dbPorts}: database service db publishes ports [127.0.0.1:5432:5432]",
    "Container hardening check failed: the waiver file has problems (see above)",
].each { assert log.contains(it) : "build.log lacks: " + it }
true
