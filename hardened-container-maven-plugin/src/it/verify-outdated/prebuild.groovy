// The committed files: postgres-project's generated output, unedited, as plugin 0.0.9 would have written it (its
// version in every header; the bodies and fingerprints as they are). A pull request that only bumps the plugin
// version brings exactly this.
derivedFrom = 'postgres-project'
committedVersion = '0.0.9'
edits = []
return evaluate(new File(basedir, '../../../src/it/place-committed.groovy'))
