// A registry of its own (Debian's docker-registry) on a free loopback port, holding the local base images under
// tags; the POM names them there. verify.groovy stops it. Without Docker or the registry the IT has nothing to pin.
def docker = new File('/usr/bin/docker').canExecute() ? '/usr/bin/docker' : 'docker'
def run = { List<String> cmd ->
    def p = new ProcessBuilder(cmd).redirectErrorStream(true).start()
    def out = p.inputStream.text
    p.waitFor(600, java.util.concurrent.TimeUnit.SECONDS)
    new File(basedir, 'prebuild.log') << "\$ ${cmd.join(' ')}\n${out}\n"
    return p.exitValue()
}
def binary = new File('/usr/bin/docker-registry')
def images = [builder: System.getenv('BUILDER_IMAGE'), runtime: System.getenv('RUNTIME_IMAGE'),
              postgres: System.getenv('POSTGRES_IMAGE')]
if (run([docker, 'info']) != 0 || !binary.canExecute() || images.values().any { !it }) {
    if (System.getenv('HARDENED_REQUIRE_TOOLS') == 'true') {
        throw new AssertionError('no Docker engine, docker-registry or local base images and HARDENED_REQUIRE_TOOLS=true')
    }
    new File(basedir, 'skipped').text = 'no Docker engine, docker-registry or local base images (bash .ci/run has them)'
    return true
}
def port = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()).withCloseable { it.localPort }
def storage = new File(basedir, 'registry-data'); storage.mkdirs()
def config = new File(basedir, 'registry.yml')
config.text = "version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: ${storage.absolutePath}\nhttp:\n  addr: 127.0.0.1:${port}\n"
def registry = new ProcessBuilder(binary.path, 'serve', config.path).redirectErrorStream(true)
        .redirectOutput(new File(basedir, 'registry.log')).start()
new File(basedir, 'registry.pid').text = registry.pid().toString()
def up = false
for (int i = 0; i < 50 && !up; i++) {
    try { up = new URL("http://127.0.0.1:${port}/v2/").openConnection().responseCode == 200 } catch (IOException e) { Thread.sleep(200) }
}
assert up : 'the registry did not start: ' + new File(basedir, 'registry.log').text
def address = "127.0.0.1:${port}".toString()
def digests = [:]
[builder: 'hardened/builder:jdk25-maven3.9', runtime: 'hardened/runtime:minimal', postgres: 'hardened/postgres:15'].each { key, name ->
    def tag = "${address}/${name}".toString()
    assert run([docker, 'tag', images[key], tag]) == 0
    assert run([docker, 'push', tag]) == 0 : new File(basedir, 'prebuild.log').text
}
def pom = new File(basedir, 'pom.xml')
pom.text = pom.text.replace('<it.registry>REGISTRY</it.registry>', "<it.registry>${address}</it.registry>")
true
