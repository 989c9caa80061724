// Shared by the ITs that drive Docker and a registry themselves (publish-to-registry, private-repository,
// pin-local-registry). Evaluated with the caller's binding, it sets there:
//   docker         the client (Debian's, which has BuildKit)
//   capture        { cmd, env = [:], seconds = 900 -> [exit code, output trimmed] }: each command and its output are
//                  appended to the file the binding variable commandLog names (default commands.log)
//   startRegistry  { -> [process, 'host:port'] }: Debian's docker-registry on a free loopback port, its storage in
//                  the IT's directory, answering /v2/ when it returns; the caller stops the process
binding.setVariable('docker', new File('/usr/bin/docker').canExecute() ? '/usr/bin/docker' : 'docker')
binding.setVariable('capture', { List<String> cmd, Map<String, String> env = [:], long seconds = 900 ->
    def pb = new ProcessBuilder(cmd).directory(basedir).redirectErrorStream(true)
    pb.environment().put('PATH', '/usr/bin:' + System.getenv('PATH'))
    pb.environment().put('DOCKER_BUILDKIT', '1')
    pb.environment().putAll(env)
    def p = pb.start()
    def out = new StringBuilder()
    def reader = Thread.start { out.append(p.inputStream.text) }
    if (!p.waitFor(seconds, java.util.concurrent.TimeUnit.SECONDS)) {
        p.destroyForcibly()
        return [124, 'timed out: ' + cmd.join(' ')]
    }
    reader.join(10_000)
    def log = binding.hasVariable('commandLog') ? commandLog : 'commands.log'
    new File(basedir, log) << "\$ ${cmd.join(' ')}\n${out}\n"
    return [p.exitValue(), out.toString().trim()]
})
binding.setVariable('startRegistry', { ->
    def port = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()).withCloseable { it.localPort }
    def storage = new File(basedir, 'registry-data'); storage.mkdirs()
    def config = new File(basedir, 'registry.yml')
    config.text = "version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: ${storage.absolutePath}\n" +
            "http:\n  addr: 127.0.0.1:${port}\n"
    def registryLog = new File(basedir, 'registry.log')
    def process = new ProcessBuilder('/usr/bin/docker-registry', 'serve', config.path).redirectErrorStream(true)
            .redirectOutput(registryLog).start()
    def up = false
    for (int i = 0; i < 50 && !up; i++) {
        try {
            up = new URL("http://127.0.0.1:${port}/v2/").openConnection().responseCode == 200
        } catch (IOException e) {
            Thread.sleep(200)
        }
    }
    if (!up) {
        process.destroy()
        throw new AssertionError('the registry did not answer: ' + registryLog.text)
    }
    return [process, "127.0.0.1:${port}".toString()]
})
true
