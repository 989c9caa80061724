<#-- Allow-list .dockerignore for the build context. Data model: see TemplateData. -->
# Allow-list: everything is left out of the build context, then only what the build needs is let back in.
*
<#list repo.modulePoms as pom>
![=pom]
</#list>
<#if repo.mavenConfig>
!.mvn/
</#if>
<#list repo.sourceDirs as dir>
![=dir]/
</#list>
<#list repo.services as s>
<#if s.prebuilt>
![=s.jarGlob]
![=s.modulePrefix]target/container-lib/
</#if>
</#list>

# Never in the context, even below an allowed directory.
**/.git
**/.env
**/.env.*
**/secrets/
**/*.pem
**/*.key
<#if !repo.prebuilt>
**/target/
</#if>
