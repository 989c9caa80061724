// Quarkus 3 with packaging quarkus and SmallRye Health, nothing stated: accepted, detected from its plugin, run
// from its fast-jar laid out as /app (quarkus-run.jar with lib/, app/ and quarkus/), healthy on /q/health/live.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Detected Quarkus 3.33.2 with SmallRye Health in quarkus-hello: main class io.quarkus.bootstrap.runner.QuarkusEntryPoint;')
assert log.contains('probes /q/health/live and /q/health/ready')
def dockerfile = new File(basedir, 'Dockerfile').text
assert dockerfile.contains('cp target/quarkus-app/quarkus-run.jar /layers/app/app.jar')
assert !dockerfile.contains('copy-dependencies')

healthBody = '"status": "UP"'
inspectContainer = { String id, String docker, int port ->
    assert new URL("http://127.0.0.1:${port}/").text == 'hello from quarkus'
    def entries = containerFiles(id)
    assert entries.any { it.startsWith('/app/lib/boot/') && it.endsWith('.jar') }
    assert entries.any { it.startsWith('/app/lib/main/') && it.endsWith('.jar') }
    assert entries.contains('/app/quarkus/quarkus-application.dat')
}
return evaluate(new File(basedir, '../../../src/it/run-in-compose.groovy'))
