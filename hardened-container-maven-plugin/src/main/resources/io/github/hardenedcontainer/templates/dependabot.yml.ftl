<#-- Dependabot: proposes only changes hardened:verify accepts. Data model: see TemplateData.
     The generated workflow's action pins and the Dockerfiles' base images are rendered by the plugin (its pins
     data file, hardened:pin): a Dependabot edit there would be drift. They change when the plugin does, and the
     maven entry proposes that. exclude-paths: Dependabot's option to skip files, matched from the repository root
     (the same base as directory). -->
version: 2
updates:
  # Actions of the repository's other workflows; the generated one is left to the plugin.
  - package-ecosystem: github-actions
    directory: /
    exclude-paths:
      - .github/workflows/container.yml
    schedule:
      interval: weekly
    cooldown:
      default-days: 7
  # Maven dependencies and plugins, this plugin included: its new version brings new pins and templates (then
  # run mvn hardened:generate; until then verify reports the files as outdated, without failing).
  - package-ecosystem: maven
    directory: /
    schedule:
      interval: weekly
    cooldown:
      default-days: 7
