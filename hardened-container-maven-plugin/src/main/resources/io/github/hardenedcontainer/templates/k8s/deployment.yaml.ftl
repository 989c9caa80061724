<#-- The service's Deployment, meeting the Pod Security Standard "restricted" profile. Data model: see TemplateData. -->
<#assign s = service>
<#-- What the app container and the migration init container share: image, environment, hardening, limits. -->
<#macro container>
          image: [=s.k8sImage]
          imagePullPolicy: IfNotPresent
<#if s.k8sEnvironment?has_content>
          env:
<#list s.k8sEnvironment as name, value>
            - name: [=name]
              value: [=value]
</#list>
</#if>
          securityContext:
            runAsNonRoot: true
            runAsUser: [=s.uid]
            runAsGroup: [=s.gid]
            allowPrivilegeEscalation: false
            privileged: false
            readOnlyRootFilesystem: true
            capabilities:
              drop:
                - ALL
            seccompProfile:
              type: RuntimeDefault
          resources:
            requests:
              cpu: "[=s.k8sCpu]"
              memory: "[=s.k8sMemory]"
            limits:
              cpu: "[=s.k8sCpu]"
              memory: "[=s.k8sMemory]"
          volumeMounts:
            - name: tmp
              mountPath: /tmp
<#if s.postgres>
            - name: database-password
              mountPath: /run/secrets
              readOnly: true
</#if>
</#macro>
apiVersion: apps/v1
kind: Deployment
metadata:
  name: [=s.k8sName]
  labels:
    app.kubernetes.io/name: [=s.k8sName]
spec:
<#if repo.autoscaler>
  # No replicas here: the HorizontalPodAutoscaler owns the count (at least 2), and a replicas field would reset
  # it on every apply (Kubernetes documentation, "Horizontal Pod Autoscaling": migrating Deployments to autoscaling).
<#else>
  replicas: 2
</#if>
  revisionHistoryLimit: 5
  selector:
    matchLabels:
      app.kubernetes.io/name: [=s.k8sName]
  strategy:
    type: RollingUpdate
    rollingUpdate:
      # A new pod must be ready before an old one goes: a rollout never lowers the serving capacity.
      maxUnavailable: 0
      maxSurge: 1
  template:
    metadata:
      labels:
        app.kubernetes.io/name: [=s.k8sName]
    spec:
      serviceAccountName: [=s.k8sName]
      automountServiceAccountToken: false
      enableServiceLinks: false
      securityContext:
        runAsNonRoot: true
        runAsUser: [=s.uid]
        runAsGroup: [=s.gid]
        fsGroup: [=s.gid]
        seccompProfile:
          type: RuntimeDefault
      # SIGTERM, then this long to drain before SIGKILL: above the service's own shutdown, as in compose.yaml.
      terminationGracePeriodSeconds: [=s.stopGraceSeconds]
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: kubernetes.io/hostname
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              app.kubernetes.io/name: [=s.k8sName]
<#if s.migrate>
      # The database migrations before the app starts, in every new pod: the service's migrate command takes a
      # database lock, so pods starting together apply each migration once (the Compose stack runs it as a
      # one-shot service instead).
      initContainers:
        - name: migrate
<@container/>
          args: [=s.migrationCommand]
</#if>
      containers:
        - name: app
<@container/>
          ports:
            - name: http
              containerPort: [=s.port]
              protocol: TCP
          # Start-up is checked every second (ready in 1 s is seen within 1 s), for up to 60 s as in compose.yaml.
          startupProbe:
            httpGet:
              path: [=s.healthPath]
              port: http
            periodSeconds: 1
            timeoutSeconds: 2
            failureThreshold: 60
          livenessProbe:
            httpGet:
              path: [=s.healthPath]
              port: http
            periodSeconds: 15
            timeoutSeconds: 5
            failureThreshold: 3
          readinessProbe:
            httpGet:
              path: [=s.readinessPath]
              port: http
            periodSeconds: 5
            timeoutSeconds: 3
            failureThreshold: 2
      volumes:
        # /tmp in memory, as the Compose stack's tmpfs; the only writable path.
        - name: tmp
          emptyDir:
            medium: Memory
            sizeLimit: 64Mi
<#if s.postgres>
        # The database password as the file /run/secrets/[=s.passwordSecret] (the Secret's key is the file name),
        # from a Secret these files never hold:
        #   kubectl create secret generic [=s.k8sPasswordSecret] --from-file=[=s.passwordSecret]=secrets/postgres-password.txt
        - name: database-password
          secret:
            secretName: [=s.k8sPasswordSecret]
            # The pod does not start without it (podman 4.3's kube play also needs the field stated).
            optional: false
            defaultMode: 288 # 0440: read for the owner (root) and the pod's group ([=s.gid]) only
</#if>
