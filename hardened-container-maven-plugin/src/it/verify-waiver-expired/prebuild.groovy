// The committed files: postgres-project's generated output with the database port published on loopback, which
// the waiver in committed/.hardened-waivers.yaml accepts.
derivedFrom = 'postgres-project'
edits = [
    ['compose.yaml', '    # No ports: the database is reachable only from the app, on the internal network.\n',
     '    ports:\n      - "127.0.0.1:5432:5432"\n'],
]
return evaluate(new File(basedir, '../../../src/it/place-committed.groovy'))
