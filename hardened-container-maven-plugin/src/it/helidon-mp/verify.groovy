// Helidon MP 4.4 with MicroProfile Health, nothing stated: detected from its parent (before the SE web server it
// brings along), the main class io.helidon.Main from the parent's mainClass property, the thin jar with its
// libraries, the image binds every interface over microprofile-config.properties' localhost, and the container is
// healthy on /health/live.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Detected Helidon MP 4.4.0 with MicroProfile Health in helidon-mp-greet: main class io.helidon.Main;')
assert log.contains('probes /health/live and /health/ready')
def dockerfile = new File(basedir, 'Dockerfile').text
assert dockerfile.contains('"-Dserver.port=8080", "-Dserver.host=0.0.0.0"')

inspectContainer = { String id, String docker, int port ->
    assert new URL("http://127.0.0.1:${port}/").text == 'hi from helidon mp'
    def ready = new URL("http://127.0.0.1:${port}/health/ready").openConnection()
    assert ready.responseCode in 200..299
}
return evaluate(new File(basedir, '../../../src/it/run-in-compose.groovy'))
