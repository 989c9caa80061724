// Bad input fails the build with the exact message, and nothing is written.
def log = new File(basedir, 'build.log').text
def expected = [
    'Invalid hardened-container configuration (4 problems); nothing was written:',
    '[ERROR]   - <uid> (got "0"): must be a numeric id above 0',
    '[ERROR]   - <port> (got "0"): must be a TCP port from 1 to 65535, such as 8080',
    '[ERROR]   - <database> (got "oracle"): must be postgres or none',
    '[ERROR]   - <excludes> (got "docker-compose.yml"): is not a generated file: name one of Dockerfile, compose.yaml, .env.example, secrets/.gitignore, .dockerignore, .github/workflows/container.yml, .github/dependabot.yml, .trivyignore',
]
expected.each { line -> assert log.contains(line) : "build.log lacks: " + line }
['Dockerfile', 'compose.yaml', '.dockerignore', '.trivyignore', '.github', 'secrets'].each { name ->
    assert !new File(basedir, name).exists() : name + " was written although the configuration is invalid"
}
true
