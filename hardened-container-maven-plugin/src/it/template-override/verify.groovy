// The Dockerfile comes from the user's template directory; every other file from the built-in templates.
def dockerfile = new File(basedir, 'Dockerfile').text
def body = dockerfile.readLines().drop(2).join('\n') + '\n'
assert body == '''ARG RUNTIME_IMAGE=registry.example.com/base/jre:17
FROM ${RUNTIME_IMAGE} AS runtime
LABEL org.example.team="platform"
COPY target/template-override-*.jar /app/app.jar
USER 10001:10001
EXPOSE 8080
ENTRYPOINT ["/opt/jre/bin/java", "-XX:MaxRAMPercentage=75.0", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-XX:+ExitOnOutOfMemoryError", "-Djava.io.tmpdir=/tmp", "@/app/cache.args", "@/app/jvm.args", "com.example.it.Main"]
'''
def compose = new File(basedir, 'compose.yaml').text
assert compose.contains('read_only: true') && compose.contains('cap_drop:')
assert new File(basedir, '.github/workflows/container.yml').isFile()
true
