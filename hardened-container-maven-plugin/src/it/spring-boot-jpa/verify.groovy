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
    def post = new URL("http://127.0.0.1:${port}/notes").openConnection()
    post.requestMethod = 'POST'
    post.doOutput = true
    post.setRequestProperty('Content-Type', 'text/plain')
    post.outputStream.withWriter { it << 'written through the app' }
    assert post.responseCode == 200 : 'POST /notes answered ' + post.responseCode
    def noteId = post.inputStream.text.trim()
    assert new URL("http://127.0.0.1:${port}/notes/${noteId}").text == 'written through the app'
    // The row, read in the stack's own PostgreSQL (not an in-memory database in the app).
    def project = 'it' + basedir.name.replaceAll('[^a-z0-9]', '')
    def db = new ProcessBuilder(docker, 'ps', '-q', '--filter', "label=com.docker.compose.project=${project}",
            '--filter', 'label=com.docker.compose.service=db').start().with { p -> p.waitFor(); p.inputStream.text.trim() }
    assert db : 'no db container'
    def password = new File(basedir, 'secrets/postgres-password.txt').text.trim()
    def psql = new ProcessBuilder(docker, 'exec', '-e', 'PGPASSWORD=' + password, db, 'psql', '-h', '127.0.0.1', '-U', 'app',
            '-d', 'app', '-tAc', "select text from note where id = ${noteId}").redirectErrorStream(true).start()
    def row = psql.inputStream.text.trim()
    psql.waitFor()
    assert row == 'written through the app' : 'the note is not in the stack\'s PostgreSQL: ' + row
}
return evaluate(new File(basedir, '../../../src/it/run-in-compose.groovy'))
