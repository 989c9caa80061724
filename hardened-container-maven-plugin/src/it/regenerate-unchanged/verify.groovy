// The second generate finds every file already up to date and touches none.
def log = new File(basedir, 'build.log').text
def files = ['Dockerfile', 'compose.yaml', '.dockerignore', '.github/workflows/container.yml', '.github/dependabot.yml', '.trivyignore']
files.each {
    assert log =~ /\[INFO\] \Q${it}\E\s+unchanged/ : "second run did not report " + it + " as unchanged"
}
assert !(log =~ /\s(updated|overwritten)/) : "a regenerate rewrote a file"
files.each { assert new File(basedir, it).isFile() }
true
