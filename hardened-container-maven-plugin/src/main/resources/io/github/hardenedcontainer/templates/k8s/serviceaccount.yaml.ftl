<#-- The pods' own ServiceAccount, without an API token: the service never calls the Kubernetes API. -->
<#assign s = service>
apiVersion: v1
kind: ServiceAccount
metadata:
  name: [=s.k8sName]
  labels:
    app.kubernetes.io/name: [=s.k8sName]
automountServiceAccountToken: false
