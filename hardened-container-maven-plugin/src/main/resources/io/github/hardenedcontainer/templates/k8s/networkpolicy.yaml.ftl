<#-- Default deny for the service's pods, then only what it needs. Data model: see TemplateData. -->
<#assign s = service>
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: [=s.k8sName]
  labels:
    app.kubernetes.io/name: [=s.k8sName]
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/name: [=s.k8sName]
  # Both directions listed: whatever the rules below do not allow is denied.
  policyTypes:
    - Ingress
    - Egress
  ingress:
    # The HTTP port only, from any pod or ingress controller; narrow "from" in an overlay.
    - ports:
        - port: http
          protocol: TCP
  egress:
    # Name resolution through the cluster DNS.
    - to:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: kube-system
          podSelector:
            matchLabels:
              k8s-app: kube-dns
      ports:
        - port: 53
          protocol: UDP
        - port: 53
          protocol: TCP
<#if s.postgres>
    # PostgreSQL and nothing else. A NetworkPolicy cannot name a host: narrow "to" in an overlay with the
    # database's ipBlock (a managed service) or its pods' labels (an operator such as CloudNativePG).
    - ports:
        - port: 5432
          protocol: TCP
</#if>
