// Bad input fails the build with the exact message, and nothing is written.
def log = new File(basedir, 'build.log').text
def expected = [
    '[ERROR]   - <uid> (got "0"): must be a numeric id above 0: set <uid>10001</uid> or leave it out (0 is root)',
]
expected.each { line -> assert log.contains(line) : "build.log lacks: " + line }
['Dockerfile', 'compose.yaml', '.dockerignore', '.trivyignore', '.github', 'secrets'].each { name ->
    assert !new File(basedir, name).exists() : name + " was written although the configuration is invalid"
}
true
