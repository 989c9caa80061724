// The organisation's override of one Dockerfile part: the plugin's own runtime stage plus a label, recording that
// it was based on a built-in template whose hash (0123456789abcdef) is no longer the plugin's.
def builtIn = new File(basedir, '../../../src/main/resources/io/github/hardenedcontainer/templates/dockerfile/runtime-stage.ftl')
def override = new File(basedir, 'container-templates/dockerfile/runtime-stage.ftl')
override.parentFile.mkdirs()
override.text = '<#-- hardened-base: 0123456789abcdef -->\n' +
        builtIn.getText('UTF-8').replace('FROM ${RUNTIME_IMAGE} AS runtime\n', 'FROM ${RUNTIME_IMAGE} AS runtime\nLABEL org.example.team=payments\n')
true
