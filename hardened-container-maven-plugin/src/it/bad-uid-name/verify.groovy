// Bad input fails the build with the exact message, and nothing is written.
def log = new File(basedir, 'build.log').text
def expected = [
    '[ERROR]   - <uid> (got "root"): must be a numeric id above 0: set <uid>10001</uid> or leave it out (names such as root are not accepted: a numeric id lets the runtime check non-root without a user database)',
]
expected.each { line -> assert log.contains(line) : "build.log lacks: " + line }
['Dockerfile', 'compose.yaml', '.dockerignore', '.trivyignore', '.github', 'secrets'].each { name ->
    assert !new File(basedir, name).exists() : name + " was written although the configuration is invalid"
}
true
