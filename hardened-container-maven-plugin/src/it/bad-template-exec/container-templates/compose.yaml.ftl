<#-- A hostile override: tries to run a command while the files are rendered. -->
<#assign run = "freemarker.template.utility.Execute"?new()>
[=run("touch exec-ran")]
services: {}
