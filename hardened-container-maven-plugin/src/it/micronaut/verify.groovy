// Micronaut 4.10 with its management endpoints, nothing stated: detected from its parent, the main class from
// exec.mainClass, the shaded jar (bound by the Micronaut plugin's lifecycle, not in the POM) ships alone, the
// parent's exec-maven-plugin java command line gives no program arguments, and the container is healthy on
// /health/liveness.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Detected Micronaut 4.10.8 with management in micronaut-hello: main class com.example.it.micronaut.Application;')
assert log.contains('probes /health/liveness and /health/readiness')
def dockerfile = new File(basedir, 'Dockerfile').text
assert dockerfile.contains('"-Dmicronaut.server.port=8080"')
assert !dockerfile.contains('copy-dependencies') : 'a shaded jar must not get a second copy of its dependencies'

// The project compiles for Java 17, the builder (BUILDER_IMAGE here) has JDK 25: the training run finds 25 and
// makes an AOT cache, whatever <javaVersion> says.
expectedCache = 'aot'
inspectContainer = { String id, String docker, int port ->
    assert new URL("http://127.0.0.1:${port}/").text == 'hi from micronaut'
    def ready = new URL("http://127.0.0.1:${port}/health/readiness").openConnection()
    assert ready.responseCode in 200..299
    // One jar in /app/lib at most: the shaded jar is the application.
    def libs = containerFiles(id).findAll { it.startsWith('/app/lib/') && it.endsWith('.jar') }
    assert libs.isEmpty() : "dependencies shipped beside the shaded jar: ${libs}"
}
return evaluate(new File(basedir, '../../../src/it/run-in-compose.groovy'))
