<#-- From 2 to 6 pods on CPU use (against the CPU request). Data model: see TemplateData. -->
<#assign s = service>
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: [=s.k8sName]
  labels:
    app.kubernetes.io/name: [=s.k8sName]
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: [=s.k8sName]
  minReplicas: 2
  maxReplicas: 6
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: 70
