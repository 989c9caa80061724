// Shared by the docker-* ITs: builds the image from the generated Dockerfile and runs the generated compose.yaml
// (its hardening untouched; only image names and the host port come from the variables it reads), then checks the
// container becomes healthy through its Docker HEALTHCHECK and answers on the health path. Cleans up always.
// Without Docker it skips with one line, unless HARDENED_REQUIRE_TOOLS=true (.ci/run), where it fails.
import groovy.json.JsonSlurper

def run = { List<String> cmd, Map<String, String> env = [:], long timeoutSeconds = 900 ->
    def pb = new ProcessBuilder(cmd).directory(basedir).redirectErrorStream(true)
    pb.environment().put('PATH', '/usr/bin:' + System.getenv('PATH'))
    pb.environment().put('DOCKER_BUILDKIT', '1')
    pb.environment().put('COMPOSE_DOCKER_CLI_BUILD', '1')
    pb.environment().putAll(env)
    def out = new File(basedir, 'docker.log')
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(out))
    def p
    try {
        p = pb.start()
    } catch (IOException e) {
        return [127, e.message]
    }
    if (!p.waitFor(timeoutSeconds, java.util.concurrent.TimeUnit.SECONDS)) {
        p.destroyForcibly()
        return [124, "timed out: " + cmd.join(' ')]
    }
    return [p.exitValue(), out.text]
}
def capture = { List<String> cmd ->
    def p = new ProcessBuilder(cmd).redirectErrorStream(true).start()
    def text = p.inputStream.text
    p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)
    return [p.exitValue(), text.trim()]
}

def docker = new File('/usr/bin/docker').canExecute() ? '/usr/bin/docker' : 'docker'
def engine = capture([docker, 'info'])[0] == 0
def composeCmd = capture(['docker-compose', 'version'])[0] == 0 ? ['docker-compose'] : [docker, 'compose']
if (!engine || capture(composeCmd + ['version'])[0] != 0) {
    if (System.getenv('HARDENED_REQUIRE_TOOLS') == 'true') {
        throw new AssertionError('no Docker engine or Compose and HARDENED_REQUIRE_TOOLS=true: .ci/run installs and starts them')
    }
    println 'Container IT skipped: no Docker engine or Compose; install Docker and start dockerd (bash .ci/run does)'
    return true
}

def name = basedir.name
def port = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()).withCloseable { it.localPort }
def env = [COMPOSE_PROJECT_NAME: 'it' + name.replaceAll('[^a-z0-9]', ''), APP_IMAGE: "it-${name}:local".toString(),
           APP_PORT: port.toString()]
if (System.getenv('BUILDER_IMAGE')) env.BUILDER_IMAGE = System.getenv('BUILDER_IMAGE')
// <runtime>jlink</runtime> needs a minimal base (RUNTIME_IMAGE), <runtime>jre</runtime> a JRE image (JRE_IMAGE).
def jlinked = new File(basedir, 'Dockerfile').text.contains(' AS jre')
// The caller may name another variable for the runtime image (binding variable runtimeImageVariable).
def runtimeVar = binding.hasVariable('runtimeImageVariable') ? runtimeImageVariable
        : jlinked ? 'RUNTIME_IMAGE' : 'JRE_IMAGE'
if (binding.hasVariable('runtimeImageVariable') && !System.getenv(runtimeVar)) {
    throw new AssertionError(runtimeVar + ' is not set: scripts/local-base-images.sh prints it')
}
if (System.getenv(runtimeVar)) env.RUNTIME_IMAGE = System.getenv(runtimeVar)
// A stack with PostgreSQL: its image (POSTGRES_IMAGE, as scripts/local-base-images.sh prints it) and the password
// file the generated compose.yaml reads (random, readable by the containers' users).
if (new org.yaml.snakeyaml.Yaml().load(new File(basedir, 'compose.yaml').text).services.db) {
    if (System.getenv('POSTGRES_IMAGE')) env.POSTGRES_IMAGE = System.getenv('POSTGRES_IMAGE')
    def secret = new File(basedir, 'secrets/postgres-password.txt')
    secret.parentFile.mkdirs()
    def random = new byte[24]
    new java.security.SecureRandom().nextBytes(random)
    secret.text = random.encodeBase64().toString() + '\n'
    java.nio.file.Files.setPosixFilePermissions(secret.toPath(), java.nio.file.attribute.PosixFilePermissions.fromString('rw-r--r--'))
}
def compose = composeCmd + ['-f', new File(basedir, 'compose.yaml').path]
try {
    def started = System.nanoTime()
    def up = run(compose + ['up', '-d', '--build'], env, 1200)
    assert up[0] == 0 : 'compose up failed: ' + up[1]
    def id = capture(compose.collect { it } + ['ps', '-q', 'app']).with { it[1] }
    if (!id) {
        def pb = new ProcessBuilder(compose + ['ps', '-q', 'app']); pb.environment().putAll(env)
        id = pb.start().with { p -> p.waitFor(); p.inputStream.text.trim() }
    }
    assert id : 'no app container'
    def status = ''
    def deadline = System.nanoTime() + 180_000_000_000L
    while (System.nanoTime() < deadline) {
        status = capture([docker, 'inspect', '--format', '{{.State.Health.Status}}', id])[1]
        if (status == 'healthy') break
        Thread.sleep(1000)
    }
    assert status == 'healthy' : 'the Docker HEALTHCHECK did not pass: ' + status + '\n' + capture([docker, 'logs', id])[1]
    def inspect = new JsonSlurper().parseText(capture([docker, 'inspect', id])[1])[0]
    assert inspect.Config.User == '10001:10001'
    assert inspect.HostConfig.ReadonlyRootfs == true
    assert inspect.HostConfig.CapDrop == ['ALL']
    assert inspect.HostConfig.SecurityOpt.contains('no-new-privileges:true')
    // The health path the generated healthcheck probes (the last word of its command: the URL inside the container).
    def healthUrl = new org.yaml.snakeyaml.Yaml().load(new File(basedir, 'compose.yaml').text).services.app.healthcheck.test.last()
    def healthPath = new URL(healthUrl).path
    def connection = new URL("http://127.0.0.1:${port}${healthPath}").openConnection()
    connection.connectTimeout = 2000
    connection.readTimeout = 5000
    // Any 2xx, as the image's probe accepts it (Helidon answers a passing check with 204 No Content).
    assert connection.responseCode in 200..299 : healthPath + ' answered ' + connection.responseCode
    def body = connection.inputStream.text
    // The caller may name what the health answer must contain (binding variable healthBody).
    if (binding.hasVariable('healthBody')) {
        assert body.contains(healthBody) : healthPath + ' answered ' + body
    }
    // The start-up cache from the training run fits this image: the JVM refuses to start when told to insist on it
    // and it does not match (another runtime, class path or jar). Which cache it is, the training run decided for
    // the JDK it ran on and wrote to /app/cache.args, which the ENTRYPOINT reads.
    List<String> entrypoint = inspect.Config.Entrypoint
    assert entrypoint.contains('@/app/cache.args') : 'no start-up cache in the ENTRYPOINT: ' + entrypoint
    def cacheArgsFile = File.createTempFile('cache', '.args')
    def cacheArgs
    try {
        assert new ProcessBuilder(docker, 'cp', id + ':/app/cache.args', cacheArgsFile.path).start().waitFor() == 0
        cacheArgs = cacheArgsFile.text.trim()
    } finally {
        cacheArgsFile.delete()
    }
    def strict = cacheArgs.startsWith('-XX:AOTCache=') ? '-XX:AOTMode=on'
            : cacheArgs.startsWith('-XX:SharedArchiveFile=') ? '-Xshare:on' : null
    assert strict : 'no start-up cache option in /app/cache.args: ' + cacheArgs
    // The caller may name the cache the runtime's JDK must have led to (binding variable expectedCache: aot or jsa).
    if (binding.hasVariable('expectedCache')) {
        assert cacheArgs.endsWith('/app/app.' + expectedCache) : 'expected the app.' + expectedCache + ' cache: ' + cacheArgs
    }
    println "Container IT ${name}: start-up cache ${cacheArgs}"
    // The JVM options up to the class-path file; the main class and its arguments come after it.
    def jvmOptionsEnd = entrypoint.indexOf('@/app/jvm.args') + 1
    assert jvmOptionsEnd > 0 : 'no class-path file in the ENTRYPOINT: ' + entrypoint
    // At the stack's memory limit: the JVM sizes its heap from it (the training run had the build machine's), and an
    // AOT cache's archived heap objects must load into that heap; -Xlog:aot says whether they did.
    def memory = new org.yaml.snakeyaml.Yaml().load(new File(basedir, 'compose.yaml').text).services.app.mem_limit.toString()
    def aot = strict == '-XX:AOTMode=on'
    def strictOptions = aot ? [strict, '-Xlog:aot'] : [strict]
    def check = capture([docker, 'run', '--rm', '--read-only', '--tmpfs', '/tmp', '--memory', memory, '--entrypoint',
                         entrypoint[0], inspect.Config.Image] + entrypoint.subList(1, jvmOptionsEnd) + strictOptions + ['-version'])
    assert check[0] == 0 && check[1].contains('sharing') : 'the start-up cache is not usable: ' + check[1]
    if (aot) {
        assert check[1] =~ /(Loaded|Mapped) heap +region/ :
                "the AOT cache's archived heap objects did not load at ${memory}: " + check[1]
    }
    // The caller may change the application's code (binding variable changeSource: a closure of the project
    // directory) to check a rebuild as CI and developers make it: BuildKit reuses the cached layers of whatever
    // kept its bytes, and the start-up cache of the new image must still fit the files the image holds.
    if (binding.hasVariable('changeSource')) {
        changeSource(basedir)
        def rebuilt = run(compose + ['build', 'app'], env, 1200)
        assert rebuilt[0] == 0 : 'the rebuild after the code change failed: ' + rebuilt[1]
        def recheck = capture([docker, 'run', '--rm', '--read-only', '--tmpfs', '/tmp', '--memory', memory, '--entrypoint', entrypoint[0],
                               env.APP_IMAGE] + entrypoint.subList(1, jvmOptionsEnd) + strictOptions + ['-version'])
        assert recheck[0] == 0 && recheck[1].contains('sharing') :
                'after a code change, the rebuilt image\'s start-up cache is not usable: ' + recheck[1]
        println "Container IT ${name}: the start-up cache fits the image rebuilt after a code change"
    }
    // The caller may check the running container further (binding variable inspectContainer: a closure of the
    // container id, the docker command and the host port), with two helpers that run nothing inside the container:
    // containerFiles(id), the absolute paths of its file system; jarEntries(id, path), the entries of a jar in it;
    // and for the services that keep notes in the stack's PostgreSQL (POST /notes answers the id, GET /notes/{id}
    // the text, table note), noteInPostgres(text): writes a note through the app, reads it back, and finds the row
    // with psql in the stack's own PostgreSQL container (not an in-memory database in the app).
    binding.setVariable('containerFiles', { String cid ->
        def p = new ProcessBuilder('sh', '-c', docker + ' export ' + cid + ' | tar -t').redirectErrorStream(true).start()
        def paths = p.inputStream.readLines()
        assert p.waitFor() == 0 : 'docker export failed: ' + paths
        // tar lists them relative (app/lib/x.jar): made absolute, as the container sees them.
        paths.collect { it.startsWith('/') ? it : '/' + it }
    })
    binding.setVariable('jarEntries', { String cid, String path ->
        def copy = File.createTempFile('image-jar', '.jar')
        try {
            assert new ProcessBuilder(docker, 'cp', cid + ':' + path, copy.path).start().waitFor() == 0 : 'docker cp ' + path
            new java.util.zip.ZipFile(copy).withCloseable { z -> z.entries().collect { it.name } }
        } finally {
            copy.delete()
        }
    })
    binding.setVariable('noteInPostgres', { String text ->
        def post = new URL("http://127.0.0.1:${port}/notes").openConnection()
        post.requestMethod = 'POST'
        post.doOutput = true
        post.setRequestProperty('Content-Type', 'text/plain')
        post.outputStream.withWriter { it << text }
        assert post.responseCode == 200 : 'POST /notes answered ' + post.responseCode
        def noteId = post.inputStream.text.trim()
        assert new URL("http://127.0.0.1:${port}/notes/${noteId}").text == text
        def db = capture([docker, 'ps', '-q', '--filter', "label=com.docker.compose.project=${env.COMPOSE_PROJECT_NAME}".toString(),
                          '--filter', 'label=com.docker.compose.service=db'])[1]
        assert db : 'no db container'
        def password = new File(basedir, 'secrets/postgres-password.txt').text.trim()
        def row = capture([docker, 'exec', '-e', 'PGPASSWORD=' + password, db, 'psql', '-h', '127.0.0.1', '-U', 'app',
                           '-d', 'app', '-tAc', "select text from note where id = ${noteId}".toString()])[1]
        assert row == text : 'the note is not in the stack\'s PostgreSQL: ' + row
        noteId
    })
    if (binding.hasVariable('inspectContainer')) {
        inspectContainer(id, docker, port)
    }
    println "Container IT ${name}: healthy and answering ${healthPath} after ${(System.nanoTime() - started).intdiv(1_000_000)} ms"
} finally {
    run(compose + ['down', '-v', '--remove-orphans', '--rmi', 'local'], env, 300)
    capture([docker, 'image', 'rm', '-f', env.APP_IMAGE])
}
return true
