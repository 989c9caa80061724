// Generate, build the image from the generated Dockerfile, run it under the generated compose.yaml, check healthy.
['Dockerfile', 'compose.yaml', '.dockerignore'].each { assert new File(basedir, it).isFile() : it + ' not generated' }
healthBody = 'healthy'
// Then a code change and a rebuild, as CI makes it with a warm BuildKit cache: the library layer keeps its bytes.
changeSource = { File dir ->
    def main = new File(dir, 'src/main/java/com/example/it/Main.java')
    def changed = main.text.replace('"listening on {}"', '"listening on port {}"')
    assert changed != main.text
    main.text = changed
}
return evaluate(new File(basedir, '../../../src/it/run-in-compose.groovy'))
