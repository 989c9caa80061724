// A reactor: one Dockerfile and compose.yaml per runnable module (built from the root), shared repository files;
// the pom-packaged root and the library module are skipped with an info line.
ignored = ['pom.xml', 'build.log', 'verify.groovy', 'invoker.properties', 'lib/pom.xml', 'api/pom.xml', 'worker/pom.xml']
created = ['api/Dockerfile', 'api/compose.yaml', 'api/secrets/.gitignore', 'worker/Dockerfile', 'worker/compose.yaml',
           '.dockerignore', '.github/workflows/container.yml', '.github/dependabot.yml', '.trivyignore']
def log = evaluate(new File(basedir, '../../../src/it/compare-expected.groovy'))
assert log.contains('[INFO] Skipping shop: packaging pom is not a runnable jar')
assert log.contains('[INFO] Skipping lib (module lib): no main class (a library module)')
assert log.contains('[INFO] Already done for the whole repository in this build')
true
