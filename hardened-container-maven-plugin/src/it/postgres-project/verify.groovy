// A project using PostgreSQL (org.postgresql:postgresql) gets the database service and its secret:
// the generated files match expected/ byte for byte (file list included).
ignored = ['pom.xml', 'build.log', 'verify.groovy', 'invoker.properties']
created = ['Dockerfile', 'compose.yaml', '.dockerignore', '.github/workflows/container.yml', '.github/dependabot.yml', '.trivyignore', 'secrets/.gitignore']
evaluate(new File(basedir, '../../../src/it/compare-expected.groovy'))
true
