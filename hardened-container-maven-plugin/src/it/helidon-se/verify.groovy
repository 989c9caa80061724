// Helidon SE 4.5 with its health observer and YAML configuration, nothing stated: detected from its parent, the
// main class from the parent's mainClass property, the linked runtime has what SnakeYAML needs (every shipped jar
// is a jdeps root), the image binds every interface, and the container is healthy on /observe/health/live.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Detected Helidon SE 4.5.0 with health observer in helidon-greet: main class com.example.it.helidon.Main;')
assert log.contains('probes /observe/health/live and /observe/health/ready')
def dockerfile = new File(basedir, 'Dockerfile').text
assert dockerfile.contains('"-Dserver.port=8080", "-Dserver.host=0.0.0.0"')

inspectContainer = { String id, String docker, int port ->
    assert new URL("http://127.0.0.1:${port}/").text == 'hi from helidon' : 'the YAML configuration was not read'
    def ready = new URL("http://127.0.0.1:${port}/observe/health/ready").openConnection()
    assert ready.responseCode in 200..299
}
return evaluate(new File(basedir, '../../../src/it/run-in-compose.groovy'))
