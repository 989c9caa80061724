// The committed files: postgres-project's generated output with hand edits that break the rules.
derivedFrom = 'postgres-project'
edits = [
    ['Dockerfile', 'ARG RUNTIME_IMAGE=gcr.io/distroless/cc-debian12:nonroot', 'ARG RUNTIME_IMAGE=eclipse-temurin:latest'],
    ['Dockerfile', 'USER 10001:10001', 'USER root'],
    ['compose.yaml', '    cap_drop:\n      - ALL\n', ''],
    ['compose.yaml', '    # No ports: the database is reachable only from the app, on the internal network.\n',
     '    ports:\n      - "5432:5432"\n'],
    ['.github/workflows/container.yml', 'uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1',
     'uses: actions/checkout@v7'],
]
return evaluate(new File(basedir, '../../../src/it/place-committed.groovy'))
