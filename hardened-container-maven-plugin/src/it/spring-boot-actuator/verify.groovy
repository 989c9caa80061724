// Spring Boot 3.5 with Actuator and only <port> configured: detected from the POM, main class found in the
// sources (the parent's ${start-class} is not taken), built without repackaging so every library ships once,
// probed on Actuator's liveness group, and healthy under the hardening flags with its start-up cache.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Detected Spring Boot 3.5.7 with Actuator in boot-actuator: main class com.example.it.boot.BootApplication;')
assert log.contains('probes /actuator/health/liveness and /actuator/health/readiness')
def dockerfile = new File(basedir, 'Dockerfile').text
assert dockerfile.contains('-DskipTests -Dspring-boot.repackage.skip=true package')
assert dockerfile.contains('-DexcludeArtifactIds=spring-boot-devtools,spring-boot-docker-compose')
assert dockerfile.contains('"-Dmanagement.endpoint.health.probes.enabled=true"')
assert !dockerfile.contains('${start-class}')

healthBody = '"status":"UP"'
inspectContainer = { String id, String docker, int port ->
    // Each library once, the application jar plain: read from the image, nothing run in it.
    def entries = containerFiles(id)
    def libs = entries.findAll { it.startsWith('/app/lib/') && it.endsWith('.jar') }
    assert libs.any { it.startsWith('/app/lib/spring-boot-3.5.7') } : 'no Spring Boot library in /app/lib: ' + libs
    def names = libs.collect { it.substring('/app/lib/'.length()).replaceAll(/-\d[^\/]*\.jar$/, '') }
    assert names.size() == names.toSet().size() : 'a library ships twice: ' + names.countBy { it }.findAll { it.value > 1 }
    assert !libs.any { it.contains('spring-boot-devtools') || it.contains('spring-boot-docker-compose') }
    def classes = jarEntries(id, '/app/app.jar')
    assert classes.contains('com/example/it/boot/BootApplication.class') : 'the application jar is not plain: ' + classes
    assert !classes.any { it.startsWith('BOOT-INF/') } : 'the application jar is a repackaged fat jar'
    def root = new URL("http://127.0.0.1:${port}/").openConnection()
    assert root.inputStream.text == 'hello from boot'
}
return evaluate(new File(basedir, '../../../src/it/run-in-compose.groovy'))
