// A shaded Vert.x jar started by VertxApplication with the verticle as exec-maven-plugin's argument: the image
// ships the shaded jar alone (no second copy of its dependencies), the ENTRYPOINT keeps the argument, and the
// container is healthy under the hardening flags with its start-up cache.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Detected a shaded jar in vertx-shaded: main class io.vertx.launcher.application.VertxApplication;'
        + ' the shaded jar alone, its dependencies inside it; probes /health and /ready')
def dockerfile = new File(basedir, 'Dockerfile').text
assert !dockerfile.contains('copy-dependencies') : 'the builder copies the shaded jar\'s dependencies beside it'
assert dockerfile.contains('"io.vertx.launcher.application.VertxApplication", "com.example.it.vx.MainVerticle"]')

healthBody = 'healthy'
inspectContainer = { String id, String docker, int port ->
    def entries = containerFiles(id)
    assert entries.contains('/app/app.jar')
    def libs = entries.findAll { it.startsWith('/app/lib/') && it.endsWith('.jar') }
    assert libs.isEmpty() : 'dependencies ship twice, inside the shaded jar and beside it: ' + libs
    def classes = jarEntries(id, '/app/app.jar')
    assert classes.contains('io/vertx/core/Vertx.class') : 'the image\'s jar is not the shaded one'
    assert new URL("http://127.0.0.1:${port}/").text == '{"verticle":"main"}'
}
return evaluate(new File(basedir, '../../../src/it/run-in-compose.groovy'))
