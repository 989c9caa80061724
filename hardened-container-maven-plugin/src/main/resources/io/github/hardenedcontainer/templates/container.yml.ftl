<#-- CI workflow: build and test -> image build + blocking Trivy scan -> publish. Data model: see TemplateData.
     The scans follow trivy-action's documented inputs: with format: sarif the action drops the severity filter
     unless limit-severities-for-sarif is true, so the blocking steps print a table (HIGH and CRITICAL only) and
     separate steps that never block write the full SARIF for code scanning. -->
<#macro uses action>[=repo.pins[action].uses] # [=repo.pins[action].release]</#macro>
<#macro matrix>
    strategy:
      fail-fast: false
      matrix:
        include:
<#list repo.services as s>
          - name: [=s.name]
            image: [=s.imageName]
            context: .
            dockerfile: [=s.modulePrefix]Dockerfile
</#list>
</#macro>
<#macro mavenSettings>
<#if repo.mavenSettings?has_content>
      - name: Maven settings for the private repositories
        env:
          MAVEN_SETTINGS: [=repo.mavenSettings]
        run: |
          mkdir -p "$HOME/.m2"
          printf '%s\n' "$MAVEN_SETTINGS" > "$HOME/.m2/settings.xml"
          chmod 600 "$HOME/.m2/settings.xml"
</#if>
</#macro>
name: container

on:
  push:
    branches: [=repo.pushBranches]
    tags: ["v*"]
  pull_request:
  workflow_dispatch:

permissions: {}

concurrency:
  group: ${{ github.workflow }}-${{ github.ref }}
  cancel-in-progress: ${{ github.event_name == 'pull_request' }}

jobs:
  build-and-test:
    name: Build and test
    runs-on: ubuntu-24.04
    timeout-minutes: 30
    permissions:
      contents: read
      security-events: write
    steps:
      - name: Check out
        uses: <@uses "actions/checkout"/>
        with:
          persist-credentials: false
      - name: Set up JDK [=repo.ciJavaVersion]
        uses: <@uses "actions/setup-java"/>
        with:
          distribution: temurin
          java-version: "[=repo.ciJavaVersion]"
          cache: maven
<@mavenSettings/>
      - name: Build and test
        run: [=repo.mvnCommand] -B -ntp verify
      - name: Upload hardening check results
        if: ${{ always() && hashFiles('target/hardened/verify-report.sarif') != '' }}
        uses: <@uses "github/codeql-action/upload-sarif"/>
        with:
          sarif_file: target/hardened/verify-report.sarif
          category: hardened-verify

  image:
    name: Image ${{ matrix.name }}
    needs: build-and-test
    runs-on: ubuntu-24.04
    timeout-minutes: 45
    permissions:
      contents: read
      security-events: write
<@matrix/>
    steps:
      - name: Check out
        uses: <@uses "actions/checkout"/>
        with:
          persist-credentials: false
<#if repo.prebuilt>
      - name: Set up JDK [=repo.ciJavaVersion]
        uses: <@uses "actions/setup-java"/>
        with:
          distribution: temurin
          java-version: "[=repo.ciJavaVersion]"
          cache: maven
<@mavenSettings/>
      - name: Build the jar and its runtime dependencies
        run: >-
          [=repo.mvnCommand] -B -ntp -DskipTests package
          org.apache.maven.plugins:maven-dependency-plugin:3.9.0:copy-dependencies
          -DincludeScope=runtime -DoutputDirectory=target/container-lib
</#if>
      - name: Set up Buildx
        uses: <@uses "docker/setup-buildx-action"/>
<#if repo.mavenSettings?has_content && !repo.prebuilt>
      - name: Maven settings for the image build
        env:
          MAVEN_SETTINGS: [=repo.mavenSettings]
        run: |
          umask 077
          printf '%s\n' "$MAVEN_SETTINGS" > "$RUNNER_TEMP/maven-settings.xml"
</#if>
      - name: Image labels
        id: meta
        uses: <@uses "docker/metadata-action"/>
        with:
          images: [=repo.registry]/${{ github.repository_owner }}/${{ matrix.image }}
      - name: Build image
        id: build
        uses: <@uses "docker/build-push-action"/>
        with:
          context: ${{ matrix.context }}
          file: ${{ matrix.dockerfile }}
          push: false
          tags: ${{ matrix.image }}:scan
          labels: ${{ steps.meta.outputs.labels }}
<#if repo.mavenSettings?has_content && !repo.prebuilt>
          secret-files: maven-settings=${{ runner.temp }}/maven-settings.xml
</#if>
          outputs: type=docker,dest=${{ runner.temp }}/image.tar
          cache-from: type=gha,scope=${{ matrix.name }}
          cache-to: type=gha,mode=max,scope=${{ matrix.name }}
      - name: Scan the image for <#if repo.ignoreUnfixed>fixable </#if>HIGH and CRITICAL vulnerabilities (blocks)
        uses: <@uses "aquasecurity/trivy-action"/>
        with:
          version: [=repo.trivyVersion]
          input: ${{ runner.temp }}/image.tar
          format: table
          severity: HIGH,CRITICAL
          ignore-unfixed: [=repo.ignoreUnfixed?c]
          exit-code: "1"
          trivyignores: .trivyignore
      - name: Report every image vulnerability to code scanning (does not block)
        if: ${{ always() && steps.build.outcome == 'success' }}
        uses: <@uses "aquasecurity/trivy-action"/>
        with:
          version: [=repo.trivyVersion]
          input: ${{ runner.temp }}/image.tar
          format: sarif
          output: trivy-image.sarif
          exit-code: "0"
          trivyignores: .trivyignore
      - name: Upload the image report
        if: ${{ always() && hashFiles('trivy-image.sarif') != '' }}
        uses: <@uses "github/codeql-action/upload-sarif"/>
        with:
          sarif_file: trivy-image.sarif
          category: trivy-image-${{ matrix.name }}
      # Only the generated Dockerfile, at its path in the repository (so the SARIF points at it), never test fixtures.
      - name: Collect the Dockerfile for its configuration scan
        env:
          DOCKERFILE: ${{ matrix.dockerfile }}
        run: |
          mkdir -p "$RUNNER_TEMP/container-config/$(dirname "$DOCKERFILE")"
          cp "$DOCKERFILE" "$RUNNER_TEMP/container-config/$DOCKERFILE"
      - name: Scan the Dockerfile for HIGH and CRITICAL misconfigurations (blocks)
        uses: <@uses "aquasecurity/trivy-action"/>
        with:
          version: [=repo.trivyVersion]
          scan-type: config
          scan-ref: ${{ runner.temp }}/container-config
          format: table
          severity: HIGH,CRITICAL
          exit-code: "1"
      - name: Report every Dockerfile misconfiguration to code scanning (does not block)
        if: ${{ always() }}
        uses: <@uses "aquasecurity/trivy-action"/>
        with:
          version: [=repo.trivyVersion]
          scan-type: config
          scan-ref: ${{ runner.temp }}/container-config
          format: sarif
          output: trivy-config.sarif
          exit-code: "0"
      - name: Upload the Dockerfile report
        if: ${{ always() && hashFiles('trivy-config.sarif') != '' }}
        uses: <@uses "github/codeql-action/upload-sarif"/>
        with:
          sarif_file: trivy-config.sarif
          category: trivy-config-${{ matrix.name }}
      - name: Record the scanned image
        env:
          IMAGE_ID: ${{ steps.build.outputs.imageid }}
        run: printf '%s\n' "$IMAGE_ID" > "$RUNNER_TEMP/image.id"
      - name: Keep the scanned image for publishing
        if: ${{ github.event_name == 'push' }}
        uses: <@uses "actions/upload-artifact"/>
        with:
          name: image-${{ matrix.name }}
          path: |
            ${{ runner.temp }}/image.tar
            ${{ runner.temp }}/image.id
          retention-days: 1
          if-no-files-found: error

  publish:
    name: Publish ${{ matrix.name }}
    needs: image
    if: ${{ github.event_name == 'push' && ([=repo.releaseCondition] || startsWith(github.ref, 'refs/tags/v')) }}
    runs-on: ubuntu-24.04
    timeout-minutes: 20
    environment: release
    permissions:
      contents: read
      actions: read
      packages: write
      id-token: write
      attestations: write
<@matrix/>
    steps:
      - name: Download the scanned image
        env:
          GH_TOKEN: ${{ github.token }}
          RUN_ID: ${{ github.run_id }}
          REPOSITORY: ${{ github.repository }}
          ARTIFACT: image-${{ matrix.name }}
        run: gh run download "$RUN_ID" --repo "$REPOSITORY" --name "$ARTIFACT" --dir "$RUNNER_TEMP/image"
      - name: Load the image and check it is the one that was scanned
        env:
          LOCAL_IMAGE: ${{ matrix.image }}:scan
        run: |
          docker load --input "$RUNNER_TEMP/image/image.tar"
          expected="$(cat "$RUNNER_TEMP/image/image.id")"
          actual="$(docker image inspect --format '{{.Id}}' "$LOCAL_IMAGE")"
          if [ "$expected" != "$actual" ]; then
            echo "::error::loaded image $actual is not the scanned image $expected"
            exit 1
          fi
      - name: Log in to [=repo.registry]
        uses: <@uses "docker/login-action"/>
        with:
          registry: [=repo.registry]
          username: [=repo.registryUsername]
          password: [=repo.registryPassword]
      - name: Image tags
        id: meta
        uses: <@uses "docker/metadata-action"/>
        with:
          images: [=repo.registry]/${{ github.repository_owner }}/${{ matrix.image }}
          tags: |
            type=sha,format=long
            type=semver,pattern={{version}}
            type=semver,pattern={{major}}.{{minor}}
            type=ref,event=branch
      - name: Push the scanned image
        id: push
        env:
          LOCAL_IMAGE: ${{ matrix.image }}:scan
          TAGS: ${{ steps.meta.outputs.tags }}
        run: |
          while IFS= read -r tag; do
            [ -n "$tag" ] || continue
            docker tag "$LOCAL_IMAGE" "$tag"
            docker push "$tag"
          done <<< "$TAGS"
          pushed="$(docker image inspect --format '{{index .RepoDigests 0}}' "$LOCAL_IMAGE")"
          echo "name=${pushed%@*}" >> "$GITHUB_OUTPUT"
          echo "digest=${pushed#*@}" >> "$GITHUB_OUTPUT"
      - name: SBOM
        uses: <@uses "anchore/sbom-action"/>
        with:
          image: ${{ steps.push.outputs.name }}@${{ steps.push.outputs.digest }}
          format: spdx-json
          output-file: sbom-${{ matrix.name }}.spdx.json
      - name: SBOM attestation on the pushed digest
        uses: <@uses "actions/attest-sbom"/>
        with:
          subject-name: ${{ steps.push.outputs.name }}
          subject-digest: ${{ steps.push.outputs.digest }}
          sbom-path: sbom-${{ matrix.name }}.spdx.json
          push-to-registry: true
      - name: Build provenance attestation
        uses: <@uses "actions/attest-build-provenance"/>
        with:
          subject-name: ${{ steps.push.outputs.name }}
          subject-digest: ${{ steps.push.outputs.digest }}
          push-to-registry: true
      - name: Summary
        env:
          IMAGE: ${{ steps.push.outputs.name }}
          DIGEST: ${{ steps.push.outputs.digest }}
        run: |
          {
            echo "### Published ${IMAGE}"
            echo
            echo "Digest: \`${DIGEST}\`"
            echo
            echo "Verify: \`gh attestation verify oci://${IMAGE}@${DIGEST} --owner ${GITHUB_REPOSITORY_OWNER}\`"
          } >> "$GITHUB_STEP_SUMMARY"
