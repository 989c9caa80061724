<#-- The Kustomize base that lists the service's objects. Data model: see TemplateData. -->
<#assign s = service>
# Deploy: kubectl apply -k [=s.modulePrefix]k8s   (or an overlay of yours that names this directory as its base)
# The published image, by digest, in an overlay:
#   kustomize edit set image [=s.imageName]=<registry>/<owner>/[=s.imageName]@sha256:<digest>
<#if s.postgres>
# First the database password, never in these files:
#   kubectl create secret generic [=s.k8sPasswordSecret] --from-file=[=s.passwordSecret]=secrets/postgres-password.txt
</#if>
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
<#list repo.kubernetesResources as resource>
  - [=resource]
</#list>
