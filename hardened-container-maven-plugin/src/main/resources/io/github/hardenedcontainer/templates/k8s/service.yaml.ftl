<#-- The service's Service: a cluster-internal address for its pods. Data model: see TemplateData. -->
<#assign s = service>
apiVersion: v1
kind: Service
metadata:
  name: [=s.k8sName]
  labels:
    app.kubernetes.io/name: [=s.k8sName]
spec:
  type: ClusterIP
  selector:
    app.kubernetes.io/name: [=s.k8sName]
  ports:
    - name: http
      port: [=s.port]
      targetPort: http
      protocol: TCP
