// A project that binds hardened:verify in its build: Maven in the image's builder stage must resolve the plugin,
// which only a private repository (here: the ITs' own local repository, served over HTTP on 127.0.0.1 with basic
// auth) has. The credentials reach the build only as the BuildKit secret maven-settings (a settings.xml outside
// the build context). Proves: without the secret the build fails to resolve the plugin; with it, the image builds
// and the repository saw authenticated requests for the plugin; the password is in no layer, the image's
// configuration or history, and no file of the build context.
import com.sun.net.httpserver.HttpServer
import java.nio.file.Files
import java.util.concurrent.ConcurrentLinkedQueue
import org.yaml.snakeyaml.Yaml

commandLog = 'private.log'
evaluate(new File(basedir, '../../../src/it/docker-tools.groovy'))

// What generate wrote for the secret: the Dockerfile's Maven steps take it, compose.yaml's build and the workflow
// pass it, and .env.example asks for the file.
def dockerfile = new File(basedir, 'Dockerfile').text
assert dockerfile.count('--mount=type=secret,id=maven-settings') == 2
def compose = new Yaml().load(new File(basedir, 'compose.yaml').text)
assert compose.services.app.build.secrets == ['maven-settings']
assert compose.secrets.'maven-settings'.file.startsWith('${MAVEN_SETTINGS:?')
assert new File(basedir, '.env.example').text.contains('\nMAVEN_SETTINGS=\n')
def workflow = new File(basedir, '.github/workflows/container.yml').text
assert workflow.contains('secret-files: maven-settings=${{ runner.temp }}/maven-settings.xml')
assert workflow.count('MAVEN_SETTINGS: ${{ secrets.MAVEN_SETTINGS_XML }}') == 2

if (capture([docker, 'info'])[0] != 0) {
    if (System.getenv('HARDENED_REQUIRE_TOOLS') == 'true') {
        throw new AssertionError('no Docker engine and HARDENED_REQUIRE_TOOLS=true: .ci/run starts one')
    }
    println 'Private repository IT skipped: no Docker engine (bash .ci/run starts one)'
    return true
}

// The private repository: the ITs' local repository (the plugin under test is installed there), read-only over
// HTTP on a free loopback port, every request without the right credentials refused.
def repository = new File(basedir, '../../local-repo').canonicalFile
def pluginDir = new File(repository, 'io/github/hardenedcontainer/hardened-container-maven-plugin')
assert pluginDir.isDirectory() : 'the plugin is not installed in ' + repository
def random = new byte[18]
new java.security.SecureRandom().nextBytes(random)
def password = 'pw-' + random.encodeBase64().toString().replaceAll('[^A-Za-z0-9]', 'x')
def expected = 'Basic ' + "it-user:${password}".toString().bytes.encodeBase64().toString()
def requests = new ConcurrentLinkedQueue<String>()
def server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0)
server.createContext('/') { exchange ->
    def path = exchange.requestURI.path
    def authorised = exchange.requestHeaders.getFirst('Authorization') == expected
    requests << "${authorised ? 'auth' : 'anon'} ${exchange.requestMethod} ${path}".toString()
    def file = new File(repository, path).canonicalFile
    if (!authorised) {
        exchange.responseHeaders.add('WWW-Authenticate', 'Basic realm="private"')
        exchange.sendResponseHeaders(401, -1)
    } else if (!file.path.startsWith(repository.path + File.separator) || !file.isFile()) {
        exchange.sendResponseHeaders(404, -1)
    } else if (exchange.requestMethod == 'HEAD') {
        exchange.sendResponseHeaders(200, -1)
    } else {
        exchange.sendResponseHeaders(200, file.length())
        exchange.responseBody.withStream { it << file.bytes }
    }
    exchange.close()
}
server.start()
def port = server.address.port

// The settings.xml, outside the build context, in a directory only this test reads.
def secretDir = Files.createTempDirectory('it-maven-settings').toFile()
def settings = new File(secretDir, 'settings.xml')
settings.text = """<settings>
  <servers>
    <server><id>private</id><username>it-user</username><password>${password}</password></server>
  </servers>
  <profiles>
    <profile>
      <id>private</id>
      <repositories>
        <repository><id>private</id><url>http://127.0.0.1:${port}/</url>
          <snapshots><enabled>true</enabled><updatePolicy>always</updatePolicy></snapshots></repository>
      </repositories>
      <pluginRepositories>
        <pluginRepository><id>private</id><url>http://127.0.0.1:${port}/</url>
          <snapshots><enabled>true</enabled><updatePolicy>always</updatePolicy></snapshots></pluginRepository>
      </pluginRepositories>
    </profile>
  </profiles>
  <activeProfiles><activeProfile>private</activeProfile></activeProfiles>
</settings>
"""
// A POM no earlier run built, so that no cached layer skips the Maven steps (BuildKit's cache key does not
// include secrets).
new File(basedir, 'pom.xml') << "<!-- run ${UUID.randomUUID()} -->\n"
def image = 'it-private-repository:local'
def build = ['--network=host']
['BUILDER_IMAGE', 'RUNTIME_IMAGE'].each { if (System.getenv(it)) build += ['--build-arg', "${it}=${System.getenv(it)}".toString()] }
try {
    // Without the secret, Maven in the builder cannot resolve the plugin the build binds.
    def without = capture([docker, 'build'] + build + ['-t', image + '-without', '.'], [:], 1200)
    assert without[0] != 0 : 'the image built without the private repository'
    assert without[1].contains('hardened-container-maven-plugin') : without[1]

    requests.clear()
    def with = capture([docker, 'build'] + build + ['--secret', "id=maven-settings,src=${settings.path}".toString(),
                                                    '-t', image, '.'], [:], 1200)
    assert with[0] == 0 : 'the image build with the settings secret failed: ' + with[1]
    assert requests.any { it.startsWith('auth ') && it.contains('/hardened-container-maven-plugin/') } :
            'the private repository saw no authenticated request for the plugin: ' + requests.take(20)

    // The password is nowhere in the image or the context.
    def history = capture([docker, 'history', '--no-trunc', '--format', '{{.CreatedBy}}', image])
    assert history[0] == 0 && !history[1].contains(password) : 'the password is in the image history'
    def inspect = capture([docker, 'image', 'inspect', image])
    assert inspect[0] == 0 && !inspect[1].contains(password) : 'the password is in the image configuration'
    def saved = new File(secretDir, 'image.tar')
    assert capture([docker, 'save', '--output', saved.path, image])[0] == 0
    def layers = new String(saved.bytes, 'ISO-8859-1')
    assert !layers.contains(password) && !layers.contains('<id>private</id>') : 'the settings are in a layer of the image'
    new File(basedir, '.').eachFileRecurse(groovy.io.FileType.FILES) { f ->
        if (f.length() < 5_000_000) {
            assert !f.getText('ISO-8859-1').contains(password) : "the password is in the build context: ${f}"
        }
    }
} finally {
    server.stop(0)
    capture([docker, 'rmi', '-f', image])
    secretDir.deleteDir()
}
true
