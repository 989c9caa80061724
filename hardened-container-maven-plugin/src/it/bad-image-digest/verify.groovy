// Bad input fails the build with the exact message, and nothing is written.
def log = new File(basedir, 'build.log').text
def expected = [
    '[ERROR]   - <builderImage> (got "maven:3.9.11-eclipse-temurin-17@sha256:abc123"): has a malformed digest "sha256:abc123": a digest is sha256: followed by 64 lower-case hex digits, as printed by docker buildx imagetools inspect',
]
expected.each { line -> assert log.contains(line) : "build.log lacks: " + line }
['Dockerfile', 'compose.yaml', '.dockerignore', '.trivyignore', '.github', 'secrets'].each { name ->
    assert !new File(basedir, name).exists() : name + " was written although the configuration is invalid"
}
true
