// A reactor: one Dockerfile and compose.yaml per runnable module (built from the root), shared repository files;
// the pom-packaged root and the library module are skipped with an info line.
import groovy.io.FileType

def generated = [] as SortedSet
def ignored = ['pom.xml', 'build.log', 'verify.groovy', 'invoker.properties', 'lib/pom.xml', 'api/pom.xml', 'worker/pom.xml']
basedir.eachFileRecurse(FileType.FILES) { f ->
    def rel = basedir.toPath().relativize(f.toPath()).toString().replace('\\', '/')
    if (!(rel in ignored) && !rel.contains('src/') && !rel.startsWith('expected/') && !rel.contains('target/')) {
        generated << rel
    }
}
def expectedDir = new File(basedir, 'expected')
def expected = [] as SortedSet
expectedDir.eachFileRecurse(FileType.FILES) { f -> expected << expectedDir.toPath().relativize(f.toPath()).toString().replace('\\', '/') }
assert generated == expected : "generated files " + generated + " differ from expected " + expected
expected.each { rel ->
    def want = new File(expectedDir, rel).getText('UTF-8').replace('@pluginVersion@', pluginVersion)
    def got = new File(basedir, rel).getText('UTF-8')
    assert got == want : rel + " differs from expected/" + rel
}
def log = new File(basedir, 'build.log').text
['api/Dockerfile', 'api/compose.yaml', 'api/secrets/.gitignore', 'worker/Dockerfile', 'worker/compose.yaml', '.dockerignore', '.github/workflows/container.yml', '.github/dependabot.yml', '.trivyignore'].each {
    assert log =~ /\[INFO\] \Q${it}\E\s+created/ : "build.log does not list " + it + " as created"
}
assert log.contains('[INFO] Skipping shop: packaging pom is not a runnable jar')
assert log.contains('[INFO] Skipping lib (module lib): no main class (a library module)')
assert log.contains('[INFO] Already done for the whole repository in this build')
true
