// Micronaut 4 with JDBC (Hikari) to PostgreSQL, nothing configured: PostgreSQL detected from its driver, the
// stack's app configured through Micronaut's own variables, the password never a variable but the Compose secret's
// file, which the image's PropertyFiles launcher turns into datasources.default.password; a note written through
// the app is a row in the stack's PostgreSQL.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Detected Micronaut 4.10.8 with management in micronaut-notes: main class com.example.it.mnotes.Application;')
def app = new org.yaml.snakeyaml.Yaml().load(new File(basedir, 'compose.yaml').text).services.app
assert app.environment.DATASOURCES_DEFAULT_URL == 'jdbc:postgresql://db:5432/app'
assert app.environment.DATASOURCES_DEFAULT_USERNAME == 'app'
assert app.environment.JAVA_PROPERTY_FILES == 'datasources.default.password=/run/secrets/postgres-password'
assert app.secrets == ['postgres-password']
assert !app.environment.keySet().any { it.contains('PASSWORD') }
assert !app.environment.containsKey('DATABASE_URL') : 'the sample service\'s variables leaked into a Micronaut stack'
def dockerfile = new File(basedir, 'Dockerfile').text
assert dockerfile.contains('"@/app/jvm.args", "PropertyFiles", "com.example.it.mnotes.Application"]')

inspectContainer = { String id, String docker, int port ->
    noteInPostgres('written through micronaut')
    // Readiness includes Micronaut's JDBC check: up only with the database reached.
    def ready = new URL("http://127.0.0.1:${port}/health/readiness").openConnection()
    assert ready.responseCode == 200 : '/health/readiness answered ' + ready.responseCode
}
return evaluate(new File(basedir, '../../../src/it/run-in-compose.groovy'))
