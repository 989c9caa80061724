// A template that tries to run a command fails generate and verify alike, runs nothing and writes nothing.
def log = new File(basedir, 'build.log').text
def expected = [
    'container-templates/compose.yaml.ftl at line 2: Instantiating freemarker.template.utility.Execute is not allowed',
    '(templates may not create Java objects (?new) or call Java methods (?api): use only the documented data model)',
]
expected.each { line -> assert log.contains(line) : "build.log lacks: " + line }
['generate', 'verify'].each { goal ->
    def refused = ':' + goal + ' (default-cli) on project bad-template-exec: Error rendering template override'
    assert log.contains(refused) : goal + " did not refuse the template: " + refused
}
assert !new File(basedir, 'exec-ran').exists() : "the template ran a command"
['Dockerfile', 'compose.yaml', '.dockerignore', '.trivyignore', '.github', 'secrets'].each { name ->
    assert !new File(basedir, name).exists() : name + " was written although a template was refused"
}
true
