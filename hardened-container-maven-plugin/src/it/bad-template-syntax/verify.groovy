// Bad input fails the build with the exact message, and nothing is written.
def log = new File(basedir, 'build.log').text
def expected = [
    'Syntax error in template override ',
    'container-templates/Dockerfile.ftl at line 4, column 23: Unexpected end of file reached. You have an unclosed #if.',
    '(fix the template, or delete it to use the built-in one)',
]
expected.each { line -> assert log.contains(line) : "build.log lacks: " + line }
['Dockerfile', 'compose.yaml', '.dockerignore', '.trivyignore', '.github', 'secrets'].each { name ->
    assert !new File(basedir, name).exists() : name + " was written although the configuration is invalid"
}
true
