// A registry of its own (Debian's docker-registry) on a free loopback port, holding the local base images under
// tags; the POM names them there. verify.groovy stops it. Without Docker or the registry the IT has nothing to pin.
commandLog = 'prebuild.log'
evaluate(new File(basedir, '../../../src/it/docker-tools.groovy'))
def images = [builder: System.getenv('BUILDER_IMAGE'), runtime: System.getenv('RUNTIME_IMAGE'),
              postgres: System.getenv('POSTGRES_IMAGE')]
if (capture([docker, 'info'])[0] != 0 || !new File('/usr/bin/docker-registry').canExecute() || images.values().any { !it }) {
    if (System.getenv('HARDENED_REQUIRE_TOOLS') == 'true') {
        throw new AssertionError('no Docker engine, docker-registry or local base images and HARDENED_REQUIRE_TOOLS=true')
    }
    new File(basedir, 'skipped').text = 'no Docker engine, docker-registry or local base images (bash .ci/run has them)'
    return true
}
def (registry, address) = startRegistry()
new File(basedir, 'registry.pid').text = registry.pid().toString()
[builder: 'hardened/builder:jdk25-maven3.9', runtime: 'hardened/runtime:minimal', postgres: 'hardened/postgres:15'].each { key, name ->
    def tag = "${address}/${name}".toString()
    assert capture([docker, 'tag', images[key], tag])[0] == 0
    def pushed = capture([docker, 'push', tag])
    assert pushed[0] == 0 : pushed[1]
}
def pom = new File(basedir, 'pom.xml')
pom.text = pom.text.replace('<it.registry>REGISTRY</it.registry>', "<it.registry>${address}</it.registry>")
true
