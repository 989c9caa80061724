// The committed container files, with this test's edits (committed/), go in place before the build.
return evaluate(new File(basedir, '../../../src/it/place-committed.groovy'))
