// Shared by the ITs with an expected/ directory: the generated files match expected/ byte for byte (the file list
// included; @pluginVersion@ stands for the plugin version), and build.log lists each as created.
// Binding: basedir, pluginVersion, ignored (file names to leave out), created (paths the log must list).
import groovy.io.FileType

def generated = [] as SortedSet
basedir.eachFileRecurse(FileType.FILES) { f ->
    def rel = basedir.toPath().relativize(f.toPath()).toString().replace('\\', '/')
    if (!(rel in ignored) && !rel.contains('src/') && !rel.startsWith('expected/') && !rel.contains('target/')
            && !rel.startsWith('.mvn/')) {
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
created.each {
    assert log =~ /\[INFO\] \Q${it}\E\s+created/ : "build.log does not list " + it + " as created"
}
return log
