// Run with -pl api: every runnable module gets its own configuration, never the api module's; a command-line
// value reaches every module; the library and the module with <skip>true</skip> are left out with an info line.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Skipping lib (module lib): no main class (a library module)')
assert log.contains('[INFO] Skipping admin (module admin): <skip>true</skip> in its configuration')
assert !new File(basedir, 'admin/Dockerfile').exists() : 'the skipped module got a Dockerfile'
assert !new File(basedir, 'lib/Dockerfile').exists() : 'the library module got a Dockerfile'

def yaml = new org.yaml.snakeyaml.Yaml()
def api = yaml.load(new File(basedir, 'api/compose.yaml').text).services.app
def worker = yaml.load(new File(basedir, 'worker/compose.yaml').text).services.app
assert api.ports == ['127.0.0.1:${APP_PORT:-8081}:8081']
assert api.healthcheck.test.last() == 'http://127.0.0.1:8081/api-health'
assert worker.ports == ['127.0.0.1:${APP_PORT:-8080}:8080'] : 'worker took another module\'s port: ' + worker.ports
assert worker.healthcheck.test.last() == 'http://127.0.0.1:8080/health' : 'worker took another module\'s health path'
// <environment> of the api module: APP_ENV replaced in place, a new variable after it; the worker keeps the defaults.
assert api.environment == [PORT: '8081', APP_ENV: 'staging', API_GREETING: 'hello: api']
assert worker.environment == [PORT: '8080', APP_ENV: '${APP_ENV:-local}'] : 'worker took another module\'s environment'
assert !new File(basedir, 'api/.env.example').text.contains('APP_ENV=') : 'a stated APP_ENV is no variable of the stack'
assert new File(basedir, 'worker/.env.example').text.contains('APP_ENV=local')
[api, worker].each { assert it.mem_limit == '384m' : 'the command line -Dhardened.memoryLimit did not reach every module' }

def apiDockerfile = new File(basedir, 'api/Dockerfile').text
def workerDockerfile = new File(basedir, 'worker/Dockerfile').text
assert apiDockerfile.contains('com.example.it.api.ApiMain')
assert workerDockerfile.contains('com.example.it.worker.Worker')
assert !workerDockerfile.contains('ApiMain') : 'worker runs the api module\'s main class'
true
