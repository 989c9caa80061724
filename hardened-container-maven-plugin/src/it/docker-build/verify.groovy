// Generate, build the image from the generated Dockerfile, run it under the generated compose.yaml, check healthy.
['Dockerfile', 'compose.yaml', '.dockerignore'].each { assert new File(basedir, it).isFile() : it + ' not generated' }
healthBody = 'healthy'
return evaluate(new File(basedir, '../../../src/it/run-in-compose.groovy'))
