// Quarkus 3 with JDBC to PostgreSQL, nothing configured: PostgreSQL detected from Quarkus's driver extension, the
// stack's app configured through Quarkus's own variables, the password never a variable but the Compose secret's
// file, which the image's PropertyFiles launcher turns into quarkus.datasource.password; a note written through
// the app is a row in the stack's PostgreSQL.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Detected Quarkus 3.33.2 with SmallRye Health in quarkus-notes: main class io.quarkus.bootstrap.runner.QuarkusEntryPoint;')
def app = new org.yaml.snakeyaml.Yaml().load(new File(basedir, 'compose.yaml').text).services.app
assert app.environment.QUARKUS_DATASOURCE_JDBC_URL == 'jdbc:postgresql://db:5432/app'
assert app.environment.QUARKUS_DATASOURCE_USERNAME == 'app'
assert app.environment.JAVA_PROPERTY_FILES == 'quarkus.datasource.password=/run/secrets/postgres-password'
assert app.secrets == ['postgres-password']
assert !app.environment.keySet().any { it.contains('PASSWORD') }
assert !app.environment.containsKey('DATABASE_URL') : 'the sample service\'s variables leaked into a Quarkus stack'
def dockerfile = new File(basedir, 'Dockerfile').text
assert dockerfile.contains('"@/app/jvm.args", "PropertyFiles", "io.quarkus.bootstrap.runner.QuarkusEntryPoint"]')

healthBody = '"status": "UP"'
inspectContainer = { String id, String docker, int port ->
    noteInPostgres('written through quarkus')
    // Readiness includes Quarkus's data source check: up only with the database reached.
    def ready = new URL("http://127.0.0.1:${port}/q/health/ready").openConnection()
    assert ready.responseCode == 200 : '/q/health/ready answered ' + ready.responseCode
}
return evaluate(new File(basedir, '../../../src/it/run-in-compose.groovy'))
