// The build writes docker-classifier-jar-1.0.0-jar-with-dependencies.jar beside the main jar: the image takes the
// main jar by its exact name (finalName with the version the build wrote), without a glob that would match both.
def dockerfile = new File(basedir, 'Dockerfile').text
assert dockerfile.contains('jar="target/docker-classifier-jar-$version.jar"')
healthBody = 'healthy'
inspectContainer = { String id, String docker, int port ->
    def classes = jarEntries(id, '/app/app.jar')
    assert classes.contains('com/example/it/Main.class')
}
return evaluate(new File(basedir, '../../../src/it/run-in-compose.groovy'))
