// hardened:pin against a real registry (docker-registry on 127.0.0.1): every image the project names by tag gets
// the digest the registry serves for it (the manifest digest docker push reported), generate writes name:tag@digest
// into the Dockerfile and compose.yaml, a second pin finds nothing moved and leaves the file alone, and verify in
// strict mode (an unpinned image is HIGH there) passes.
import groovy.json.JsonSlurper

def pidFile = new File(basedir, 'registry.pid')
try {
    if (new File(basedir, 'skipped').exists()) {
        println 'Pin IT skipped: ' + new File(basedir, 'skipped').text
        return true
    }
    def address = (new File(basedir, 'pom.xml').text =~ /<it.registry>([^<]+)</)[0][1]
    def accept = 'application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.manifest.v1+json,' +
            ' application/vnd.docker.distribution.manifest.list.v2+json, application/vnd.oci.image.index.v1+json'
    def served = { String name, String tag ->
        def c = new URL("http://${address}/v2/${name}/manifests/${tag}").openConnection()
        c.requestMethod = 'HEAD'
        c.setRequestProperty('Accept', accept)
        assert c.responseCode == 200
        return c.getHeaderField('Docker-Content-Digest')
    }
    def expected = [
        ("${address}/hardened/builder:jdk25-maven3.9".toString()): served('hardened/builder', 'jdk25-maven3.9'),
        ("${address}/hardened/runtime:minimal".toString()): served('hardened/runtime', 'minimal'),
        ("${address}/hardened/postgres:15".toString()): served('hardened/postgres', '15'),
    ]
    def pins = new Properties()
    new File(basedir, 'hardened-pins.properties').withReader { pins.load(it) }
    assert pins == expected : "pins ${pins} are not what the registry serves: ${expected}"

    def dockerfile = new File(basedir, 'Dockerfile').text
    def compose = new File(basedir, 'compose.yaml').text
    expected.each { ref, digest ->
        assert (dockerfile + compose).contains("${ref}@${digest}") : "${ref} is not pinned to ${digest} in the generated files"
    }
    def log = new File(basedir, 'build.log').text
    assert log.contains('Wrote ') && log.contains('hardened-pins.properties (3 images;')
    assert log.contains('hardened-pins.properties is unchanged: every image still resolves to its pinned digest')
    assert !log.contains('HC-DF003') : 'verify still finds an image without a digest'
    assert log.contains('0 critical, 0 high')
} finally {
    if (pidFile.exists()) {
        ProcessHandle.of(pidFile.text.trim() as long).ifPresent { it.destroy() }
    }
}
true
