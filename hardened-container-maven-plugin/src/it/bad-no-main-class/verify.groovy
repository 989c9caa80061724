// Bad input fails the build with the exact message, and nothing is written.
def log = new File(basedir, 'build.log').text
def expected = [
    '[ERROR]   - <mainClass>: no main class is configured and none was found in the maven-jar-plugin manifest, exec-maven-plugin or maven-shade-plugin configuration: set <mainClass>com.example.Main</mainClass> (or -Dhardened.mainClass)',
]
expected.each { line -> assert log.contains(line) : "build.log lacks: " + line }
['Dockerfile', 'compose.yaml', '.dockerignore', '.trivyignore', '.github', 'secrets'].each { name ->
    assert !new File(basedir, name).exists() : name + " was written although the configuration is invalid"
}
true
