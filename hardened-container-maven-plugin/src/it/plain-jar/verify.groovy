// A plain jar project: the generated files match expected/ byte for byte (file list included).
import groovy.io.FileType

def generated = [] as SortedSet
def ignored = ['pom.xml', 'build.log', 'verify.groovy', 'invoker.properties']
basedir.eachFileRecurse(FileType.FILES) { f ->
    def rel = basedir.toPath().relativize(f.toPath()).toString().replace('\\', '/')
    if (!(rel in ignored) && !rel.startsWith('src/') && !rel.startsWith('expected/') && !rel.startsWith('target/')) {
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
['Dockerfile', 'compose.yaml', '.dockerignore', '.github/workflows/container.yml', '.github/dependabot.yml', '.trivyignore'].each {
    assert log =~ /\[INFO\] \Q${it}\E\s+created/ : "build.log does not list " + it + " as created"
}
true
