// Spring Boot 4 with Actuator, JPA and PostgreSQL, nothing configured: the generated stack's app uses the stack's
// PostgreSQL (its data source from the environment, the password as a file through a config tree import), the
// image builds although its training run has no database, and a note written through the app is a row in the
// stack's PostgreSQL.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Detected Spring Boot 4.0.7 with Actuator in boot-notes: main class com.example.it.notes.NotesApplication;')
def app = new org.yaml.snakeyaml.Yaml().load(new File(basedir, 'compose.yaml').text).services.app
assert app.environment.SPRING_DATASOURCE_URL == 'jdbc:postgresql://db:5432/app'
assert app.environment.SPRING_CONFIG_IMPORT == 'optional:configtree:/run/secrets/'
assert app.secrets == [[source: 'postgres-password', target: 'spring.datasource.password']]
assert !app.environment.keySet().any { it.contains('PASSWORD') }
assert !app.environment.containsKey('DATABASE_URL') : 'the sample service\'s variables leaked into a Spring Boot stack'

inspectContainer = { String id, String docker, int port ->
    noteInPostgres('written through the app')
}
return evaluate(new File(basedir, '../../../src/it/run-in-compose.groovy'))
