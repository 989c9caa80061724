// Generate, build the image from the generated Dockerfile, run it under the generated compose.yaml, check healthy.
['Dockerfile', 'compose.yaml', '.dockerignore'].each { assert new File(basedir, it).isFile() : it + ' not generated' }
healthBody = 'healthy'
// The runtime image is a Java 21 JRE (JRE21_IMAGE) while the project says 17: the training run, on that JRE,
// writes a class-data sharing archive (an AOT cache needs 25) and the option that reads it.
runtimeImageVariable = 'JRE21_IMAGE'
expectedCache = 'jsa'
return evaluate(new File(basedir, '../../../src/it/run-in-compose.groovy'))
