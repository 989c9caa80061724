// Javalin 6 in a shaded jar, nothing stated: detected as a shaded jar (main class from the shade plugin's manifest
// transformer), shipped alone without a second copy of Jetty or Kotlin's library, the port from the stack's PORT,
// healthy on /health under the hardening flags.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Detected a shaded jar in javalin-shaded: main class com.example.it.javalin.App;')
assert !new File(basedir, 'Dockerfile').text.contains('copy-dependencies') : 'a shaded jar got its dependencies copied beside it'
healthBody = 'healthy'
inspectContainer = { String id, String docker, int port ->
    assert new URL("http://127.0.0.1:${port}/").text == 'hi from javalin'
    def libs = containerFiles(id).findAll { it.startsWith('/app/lib/') && it.endsWith('.jar') }
    assert libs.isEmpty() : "dependencies shipped beside the shaded jar: ${libs}"
    assert jarEntries(id, '/app/app.jar').any { it.startsWith('io/javalin/') } : 'Javalin is not inside the shaded jar'
}
return evaluate(new File(basedir, '../../../src/it/run-in-compose.groovy'))
