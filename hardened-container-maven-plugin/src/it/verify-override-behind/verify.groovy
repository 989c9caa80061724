// One Dockerfile part overridden, the others built in; verify says the override is based on an older built-in
// template (LOW: the build passes and nags), naming both hashes.
def dockerfile = new File(basedir, 'Dockerfile').text
assert dockerfile.contains('FROM ${RUNTIME_IMAGE} AS runtime\nLABEL org.example.team=payments\n') : 'the override was not used'
assert dockerfile.contains(' AS builder') && dockerfile.contains(' AS jre') : 'the other parts are not the built-in ones'
def log = new File(basedir, 'build.log').text
def found = log =~ /\[WARNING\] LOW HC-VF005 container-templates\/dockerfile\/runtime-stage\.ftl:1: the override of dockerfile\/runtime-stage\.ftl is based on built-in template 0123456789abcdef, and the plugin's is now ([0-9a-f]{16}): merge its changes into the override, then set <#-- hardened-base: \1 -->/
assert found.find() : 'no VF005 finding for the stale override'
assert log.contains('BUILD SUCCESS')
true
