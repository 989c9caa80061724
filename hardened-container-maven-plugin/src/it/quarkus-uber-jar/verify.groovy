// Quarkus 3 built as an uber-jar (application.properties), nothing stated: detected, started at the uber-jar's
// generated main with the packages its manifest opens, the runner jar shipped alone (not the thin jar the jar
// plugin writes beside it, no dependencies copied beside it), healthy on /q/health/live.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Detected Quarkus 3.33.2 with SmallRye Health in quarkus-uber: main class io.quarkus.runner.GeneratedMain;')
assert log.contains('the uber-jar (quarkus-uber-1.0.0-runner.jar) alone, its dependencies inside it')
def dockerfile = new File(basedir, 'Dockerfile').text
assert dockerfile.contains('target/quarkus-artifact.properties')
assert !dockerfile.contains('copy-dependencies') : 'an uber-jar must not get a second copy of its dependencies'
assert dockerfile.contains('"--add-opens=java.base/java.lang=ALL-UNNAMED"')

healthBody = '"status": "UP"'
inspectContainer = { String id, String docker, int port ->
    assert new URL("http://127.0.0.1:${port}/").text == 'hello from a quarkus uber-jar'
    def libs = containerFiles(id).findAll { it.startsWith('/app/lib/') && it.endsWith('.jar') }
    assert libs.isEmpty() : "dependencies shipped beside the uber-jar: ${libs}"
    // The runner jar, with Quarkus inside it: not the thin jar beside it.
    def entries = jarEntries(id, '/app/app.jar')
    assert entries.contains('io/quarkus/runner/GeneratedMain.class')
    assert entries.any { it.startsWith('io/quarkus/runtime/') }
}
return evaluate(new File(basedir, '../../../src/it/run-in-compose.groovy'))
