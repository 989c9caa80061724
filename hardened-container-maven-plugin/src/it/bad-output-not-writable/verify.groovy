// Bad input fails the build with the exact message, and nothing is written.
def log = new File(basedir, 'build.log').text
def expected = [
    'cannot write Dockerfile: ',
    'blocker is not a writable directory; fix its permissions or set <outputDirectory> (-Dhardened.outputDirectory) to a writable directory',
]
expected.each { line -> assert log.contains(line) : "build.log lacks: " + line }
['Dockerfile', 'compose.yaml', '.dockerignore', '.trivyignore', '.github', 'secrets'].each { name ->
    assert !new File(basedir, name).exists() : name + " was written although the configuration is invalid"
}
true
