<#-- Voluntary disruptions (node drains, upgrades) take at most one pod at a time. Data model: see TemplateData. -->
<#assign s = service>
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: [=s.k8sName]
  labels:
    app.kubernetes.io/name: [=s.k8sName]
spec:
  maxUnavailable: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: [=s.k8sName]
