<#-- Dependabot: keeps action pins, base images and Maven dependencies current. Data model: see TemplateData. -->
version: 2
updates:
  - package-ecosystem: github-actions
    directory: /
    schedule:
      interval: weekly
    cooldown:
      default-days: 7
  - package-ecosystem: docker
    directories:
<#list repo.services as s>
      - /[=s.modulePath]
</#list>
    schedule:
      interval: weekly
    cooldown:
      default-days: 7
  - package-ecosystem: maven
    directory: /
    schedule:
      interval: weekly
    cooldown:
      default-days: 7
