// A hand-written Dockerfile survives; the build fails naming it and the way out; nothing else is written.
def log = new File(basedir, 'build.log').text
[
    'Refusing to overwrite 1 file that a person wrote or edited; nothing was written:',
    '[ERROR]   - Dockerfile: refused: written by a person (no generated header)',
    'Move your changes into the plugin configuration or a template override (<templateDirectory>), leave the file out with <excludes>, or replace it with -Dhardened.force=true.',
].each { assert log.contains(it) : "build.log lacks: " + it }
def dockerfile = new File(basedir, 'Dockerfile').text
assert dockerfile.startsWith('# A Dockerfile written by a person') : "the hand-written Dockerfile was changed"
['compose.yaml', '.dockerignore', '.trivyignore', '.github'].each {
    assert !new File(basedir, it).exists() : it + " was written although the run was refused"
}
true
