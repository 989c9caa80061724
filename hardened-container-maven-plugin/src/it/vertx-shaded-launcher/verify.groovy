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
    def p = new ProcessBuilder('sh', '-c', docker + ' export ' + id + ' | tar -t').redirectErrorStream(true).start()
    def entries = p.inputStream.readLines()
    p.waitFor()
    assert entries.contains('app/app.jar')
    def libs = entries.findAll { it.startsWith('app/lib/') && it.endsWith('.jar') }
    assert libs.isEmpty() : 'dependencies ship twice, inside the shaded jar and beside it: ' + libs
    def copy = new File(basedir, 'target/image-app.jar')
    copy.parentFile.mkdirs()
    assert new ProcessBuilder(docker, 'cp', id + ':/app/app.jar', copy.path).start().waitFor() == 0
    def classes = new java.util.zip.ZipFile(copy).withCloseable { z -> z.entries().collect { it.name } }
    assert classes.contains('io/vertx/core/Vertx.class') : 'the image\'s jar is not the shaded one'
    assert new URL("http://127.0.0.1:${port}/").text == '{"verticle":"main"}'
}
return evaluate(new File(basedir, '../../../src/it/run-in-compose.groovy'))
