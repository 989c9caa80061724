// The committed files: postgres-project's generated output as plugin 0.0.9 rendered it: every header names 0.0.9,
// and that version's .dockerignore let .mvn/ into the build context too. Unedited since (the fingerprints match).
derivedFrom = 'postgres-project'
committedVersion = '0.0.9'
edits = [['.dockerignore', '!src/\n', '!src/\n!.mvn/\n']]
refingerprint = true
return evaluate(new File(basedir, '../../../src/it/place-committed.groovy'))
