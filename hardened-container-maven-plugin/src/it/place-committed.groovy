// Shared by the verify-* ITs: puts the "committed" container files in place, as a repository would have them:
// the files generate wrote, with the edits the test is about (see its committed/ directory).
def from = new File(basedir, 'committed')
from.eachFileRecurse(groovy.io.FileType.FILES) { f ->
    def target = new File(basedir, from.toPath().relativize(f.toPath()).toString())
    target.parentFile.mkdirs()
    target.text = f.getText('UTF-8').replace('@pluginVersion@', pluginVersion)
}
return true
