// A service that loads a JDK class by name (java.beans.Introspector, module java.desktop): jdeps cannot see it, the
// training run fails, and the image build says which module to add and how, not only that the service exited.
def docker = new File('/usr/bin/docker').canExecute() ? '/usr/bin/docker' : 'docker'
def engine = new ProcessBuilder(docker, 'info').start().waitFor() == 0
if (!engine) {
    assert System.getenv('HARDENED_REQUIRE_TOOLS') != 'true' : 'no Docker engine and HARDENED_REQUIRE_TOOLS=true'
    println 'Container IT skipped: no Docker engine; install Docker and start dockerd (bash .ci/run does)'
    return true
}
def cmd = [docker, 'build', '-t', 'it-training-missing-module:local']
['BUILDER_IMAGE', 'RUNTIME_IMAGE'].each { name ->
    if (System.getenv(name)) cmd += ['--build-arg', name + '=' + System.getenv(name)]
}
cmd += [basedir.path]
def pb = new ProcessBuilder(cmd).redirectErrorStream(true)
pb.environment().put('DOCKER_BUILDKIT', '1')
def p = pb.start()
def out = p.inputStream.text
def exit = p.waitFor()
new File(basedir, 'docker.log').text = out
new ProcessBuilder(docker, 'image', 'rm', '-f', 'it-training-missing-module:local').start().waitFor()
assert exit != 0 : 'the image built although the training run cannot load java.beans.Introspector'
assert out.contains('java.lang.ClassNotFoundException: java.beans.Introspector') : 'the application\'s output is not shown'
assert out.contains('training run: the linked runtime lacks the module java.desktop (java/beans/Introspector is loaded'
        + ' by name, which jdeps cannot see): add <jlinkAddModules><module>java.desktop</module></jlinkAddModules>')
true
