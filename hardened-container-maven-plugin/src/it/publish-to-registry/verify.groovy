// The generated workflow's publish job, run for real where GitHub cannot be: its own shell steps ("Load the image
// and check it is the one that was scanned", "Push the scanned image", "Summary") run in bash, as the runner runs
// them, against a real registry (Debian's docker-registry on 127.0.0.1). The image is built from the generated
// Dockerfile and saved as the image job's build-push-action saves it (a docker-archive tarball and its image ID).
// Proves: the manifest the registry serves under each tag is the pushed digest, and its config is the scanned
// image ID; a tampered tarball (another image under the same name) fails the check and pushes nothing.
import groovy.json.JsonSlurper
import org.yaml.snakeyaml.Yaml

commandLog = 'publish.log'
evaluate(new File(basedir, '../../../src/it/docker-tools.groovy'))

if (capture([docker, 'info'])[0] != 0 || !new File('/usr/bin/docker-registry').canExecute()) {
    if (System.getenv('HARDENED_REQUIRE_TOOLS') == 'true') {
        throw new AssertionError('no Docker engine or docker-registry and HARDENED_REQUIRE_TOOLS=true: .ci/run installs them')
    }
    println 'Publish IT skipped: no Docker engine or docker-registry (apt-get install docker-registry; bash .ci/run does)'
    return true
}

def workflow = new Yaml().load(new File(basedir, '.github/workflows/container.yml').text)
def publishSteps = workflow.jobs.publish.steps
def step = { String name -> publishSteps.find { it.name == name } ?: { throw new AssertionError("no publish step named " + name) }() }
def imageName = workflow.jobs.publish.strategy.matrix.include[0].image
assert imageName == 'publish-to-registry'

// A registry of its own on a free loopback port, its storage in this IT's directory.
def (registry, address) = startRegistry()
def base = "http://${address}"
def temp = new File(basedir, 'runner-temp'); temp.mkdirs()
def scanned = "${imageName}:scan".toString()
try {
    // The image job: build once from the generated Dockerfile, save it as a tarball, record its image ID.
    def args = []
    ['BUILDER_IMAGE', 'RUNTIME_IMAGE'].each { if (System.getenv(it)) args += ['--build-arg', "${it}=${System.getenv(it)}".toString()] }
    def built = capture([docker, 'build', '-t', scanned] + args + ['.'], [:], 1200)
    assert built[0] == 0 : 'image build failed: ' + built[1]
    def imageId = capture([docker, 'image', 'inspect', '--format', '{{.Id}}', scanned])[1]
    def download = new File(temp, 'image'); download.mkdirs()
    assert capture([docker, 'save', '--output', new File(download, 'image.tar').path, scanned])[0] == 0
    new File(download, 'image.id').text = imageId + '\n'
    assert capture([docker, 'rmi', scanned])[0] == 0 : 'the publish job starts without the image'

    // The publish job's own steps, in bash as the runner runs them, with its expressions filled in.
    def tags = ["${address}/example/${imageName}:sha-0123456789abcdef0123456789abcdef01234567",
                "${address}/example/${imageName}:main"].collect { it.toString() }
    def expressions = ['${{ matrix.image }}': imageName, '${{ steps.meta.outputs.tags }}': tags.join('\n')]
    def output = new File(temp, 'github-output'); output.text = ''
    def summary = new File(temp, 'step-summary'); summary.text = ''
    def runStep = { String name, Map<String, String> extra = [:] ->
        def s = step(name)
        Map<String, String> env = [RUNNER_TEMP: temp.path, GITHUB_OUTPUT: output.path, GITHUB_STEP_SUMMARY: summary.path,
                                   GITHUB_REPOSITORY_OWNER: 'example']
        (s.env ?: [:]).each { k, v ->
            String value = v.toString()
            expressions.each { e, r -> value = value.replace(e, r) }
            assert !value.contains('${{') : "unfilled expression in ${name}: ${value}"
            env[k] = value
        }
        env.putAll(extra)
        def script = new File(temp, 'step.sh'); script.text = s.run
        return capture(['bash', '--noprofile', '--norc', '-eo', 'pipefail', script.path], env)
    }

    def load = runStep('Load the image and check it is the one that was scanned')
    assert load[0] == 0 : load[1]
    def push = runStep('Push the scanned image')
    assert push[0] == 0 : push[1]
    def outputs = output.readLines().findAll { it.contains('=') }.collectEntries { [(it.substring(0, it.indexOf('='))): it.substring(it.indexOf('=') + 1)] }
    assert outputs.name == "${address}/example/${imageName}".toString()
    assert outputs.digest ==~ /sha256:[0-9a-f]{64}/

    // What the registry serves under each tag is the pushed digest, and its config is the scanned image.
    def accept = 'application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.manifest.v1+json'
    ['sha-0123456789abcdef0123456789abcdef01234567', 'main'].each { tag ->
        def c = new URL("${base}/v2/example/${imageName}/manifests/${tag}").openConnection()
        c.setRequestProperty('Accept', accept)
        assert c.responseCode == 200
        assert c.getHeaderField('Docker-Content-Digest') == outputs.digest : "tag ${tag} is not the pushed digest"
        def manifest = new JsonSlurper().parse(c.inputStream)
        assert manifest.config.digest == imageId : "tag ${tag} serves image ${manifest.config.digest}, not the scanned ${imageId}"
    }
    def byDigest = new URL("${base}/v2/example/${imageName}/manifests/${outputs.digest}").openConnection()
    byDigest.setRequestProperty('Accept', accept)
    assert byDigest.responseCode == 200

    expressions['${{ steps.push.outputs.name }}'] = outputs.name
    expressions['${{ steps.push.outputs.digest }}'] = outputs.digest
    def summarised = runStep('Summary')
    assert summarised[0] == 0 : summarised[1]
    assert summary.text.contains(outputs.digest) && summary.text.contains("gh attestation verify oci://${outputs.name}@${outputs.digest}")

    // Tampered: another image saved under the scanned name, with the scanned image's ID beside it.
    assert capture([docker, 'rmi', scanned] + tags)[0] == 0
    def otherBuild = new File(basedir, 'other'); otherBuild.mkdirs()
    new File(otherBuild, 'Dockerfile').text = "FROM ${System.getenv('RUNTIME_IMAGE') ?: 'gcr.io/distroless/cc-debian12:nonroot'}\nLABEL tampered=true\n"
    assert capture([docker, 'build', '-t', scanned, otherBuild.path])[0] == 0
    assert capture([docker, 'save', '--output', new File(download, 'image.tar').path, scanned])[0] == 0
    assert capture([docker, 'rmi', scanned])[0] == 0
    def tampered = runStep('Load the image and check it is the one that was scanned')
    assert tampered[0] != 0 : 'a tampered tarball passed the check'
    assert tampered[1].contains('is not the scanned image')
    def list = new JsonSlurper().parse(new URL("${base}/v2/example/${imageName}/tags/list"))
    assert list.tags.sort() == ['main', 'sha-0123456789abcdef0123456789abcdef01234567'] : 'something else was pushed'
} finally {
    registry.destroy()
    registry.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)
    capture([docker, 'rmi', '-f', scanned])
}
true
