// Shared by the verify-* ITs: puts the "committed" container files in place, as a repository would have them.
// They are derived, not copied: another IT's expected output (binding variable derivedFrom, an IT name), with the
// edits the test is about (binding variable edits: [file, text to find, replacement], the first match each; a find
// that no longer matches fails the IT), plus the files in this IT's committed/ directory (a waiver file, say).
// So a template change needs no hand edit here: the tree follows the expected output it starts from.
// The version the committed files' headers name (binding variable committedVersion): the plugin's own unless the
// IT simulates files an older version wrote.
def headerVersion = binding.hasVariable('committedVersion') ? committedVersion : pluginVersion
def source = new File(basedir, '../../../src/it/' + derivedFrom + '/expected')
assert source.isDirectory() : 'no expected output to derive from: ' + source
source.eachFileRecurse(groovy.io.FileType.FILES) { f ->
    def target = new File(basedir, source.toPath().relativize(f.toPath()).toString())
    target.parentFile.mkdirs()
    target.text = f.getText('UTF-8').replace('@pluginVersion@', headerVersion)
}
edits.each { String file, String find, String replace ->
    def target = new File(basedir, file)
    def text = target.getText('UTF-8')
    int at = text.indexOf(find)
    assert at >= 0 : 'the edit of ' + file + ' no longer matches: ' + find
    target.text = text.substring(0, at) + replace + text.substring(at + find.length())
}
// An older version that rendered a file differently (binding variable refingerprint = true): the edited files get
// the fingerprint of their new body, so they read as unedited output of that version, not as hand edits.
if (binding.hasVariable('refingerprint') && refingerprint) {
    edits.collect { it[0] }.unique().each { String file ->
        def target = new File(basedir, file)
        def lines = target.getText('UTF-8').split('\n', 3)
        def body = lines[2]
        def hash = java.security.MessageDigest.getInstance('SHA-256').digest(body.getBytes('UTF-8'))
        def fingerprint = java.util.HexFormat.of().formatHex(hash, 0, 8)
        assert lines[1].startsWith('# hardened-fingerprint: ')
        target.text = lines[0] + '\n# hardened-fingerprint: ' + fingerprint + '\n' + body
    }
}
def own = new File(basedir, 'committed')
if (own.isDirectory()) {
    own.eachFileRecurse(groovy.io.FileType.FILES) { f ->
        def target = new File(basedir, own.toPath().relativize(f.toPath()).toString())
        target.parentFile.mkdirs()
        target.text = f.getText('UTF-8').replace('@pluginVersion@', pluginVersion)
    }
}
return true
