{{/* Name prefix of every object: the release name, or the chart name for a release called like it. */}}
{{- define "selfdata.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* Common labels; the instance label comes with the selector labels on workloads. */}}
{{- define "selfdata.labels" -}}
app.kubernetes.io/part-of: selfdata
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "selfdata.selectorLabels" -}}
app.kubernetes.io/name: {{ .component }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{- define "selfdata.image" -}}
{{- printf "%s/%s:%s" .root.Values.image.registry .component (default .root.Chart.AppVersion .root.Values.image.tag) -}}
{{- end -}}

{{/* Where the services find PostgreSQL: the CloudNativePG read-write Service, or the given URL. */}}
{{- define "selfdata.jdbcUrl" -}}
{{- if .Values.postgres.cloudNativePG.enabled -}}
{{- printf "jdbc:postgresql://%s-db-rw:5432/%s" (include "selfdata.fullname" .) .Values.postgres.cloudNativePG.database -}}
{{- else -}}
{{- .Values.postgres.jdbcUrl -}}
{{- end -}}
{{- end -}}

{{/* Database credentials as secret references: CloudNativePG's generated app secret or the named one. */}}
{{- define "selfdata.databaseEnv" -}}
{{- $secret := .Values.secrets.database.name -}}
{{- $user := .Values.secrets.database.usernameKey -}}
{{- $password := .Values.secrets.database.passwordKey -}}
{{- if .Values.postgres.cloudNativePG.enabled -}}
{{- $secret = printf "%s-db-app" (include "selfdata.fullname" .) -}}
{{- $user = "username" -}}
{{- $password = "password" -}}
{{- end -}}
- name: SPRING_DATASOURCE_URL
  value: {{ include "selfdata.jdbcUrl" . | quote }}
- name: SPRING_DATASOURCE_USERNAME
  valueFrom:
    secretKeyRef: {name: {{ $secret }}, key: {{ $user }}}
- name: SPRING_DATASOURCE_PASSWORD
  valueFrom:
    secretKeyRef: {name: {{ $secret }}, key: {{ $password }}}
{{- end -}}

{{/* tenant-service's extra database clusters (postgres.clusters) as selfdata.database.clusters.<name>.* */}}
{{- define "selfdata.databaseClustersEnv" -}}
{{- range .Values.postgres.clusters -}}
{{- if not (regexMatch "^[a-z][a-z0-9]{0,29}$" (toString .name)) -}}
{{- fail (printf "postgres.clusters: name %q must be a-z and 0-9, starting with a letter (an environment variable carries it)" (toString .name)) -}}
{{- end -}}
{{- if eq .name "main" -}}
{{- fail "postgres.clusters: \"main\" is the database configured above" -}}
{{- end -}}
{{- $prefix := printf "SELFDATA_DATABASE_CLUSTERS_%s" (upper .name) }}
- name: {{ $prefix }}_URL
  value: {{ required "postgres.clusters[].url" .url | quote }}
- name: {{ $prefix }}_USERNAME
  valueFrom:
    secretKeyRef: {name: {{ required "postgres.clusters[].secret" .secret }}, key: username}
- name: {{ $prefix }}_PASSWORD
  valueFrom:
    secretKeyRef: {name: {{ .secret }}, key: password}
- name: {{ $prefix }}_MAXIMUMPOOLSIZE
  value: {{ toString (default $.Values.tenantService.dbPoolSize .poolSize) | quote }}
{{- end -}}
{{- end -}}

{{- define "selfdata.gatewaySignatureEnv" -}}
- name: SELFDATA_GATEWAY_SECRET
  valueFrom:
    secretKeyRef: {name: {{ .Values.secrets.gatewaySignature.name }}, key: {{ .Values.secrets.gatewaySignature.key }}}
{{- end -}}

{{/*
Where the gateway keeps browser sessions: gateway.sessions.store, or redis whenever the gateway may run
more than one replica. Sessions in memory on several replicas would sign a browser out whenever the
load balancer sends it elsewhere, so that combination is refused.
*/}}
{{- define "selfdata.sessionStore" -}}
{{- $gateway := .Values.gateway -}}
{{- $several := or $gateway.autoscaling.enabled (gt (int $gateway.replicas) 1) -}}
{{- $store := default (ternary "redis" "memory" $several) $gateway.sessions.store -}}
{{- if not (has $store (list "memory" "redis")) -}}
{{- fail (printf "gateway.sessions.store must be memory or redis, not %q" $store) -}}
{{- end -}}
{{- if and $several (eq $store "memory") -}}
{{- fail "gateway.sessions.store=memory needs a single gateway replica (replicas 1, autoscaling off)" -}}
{{- end -}}
{{- $store -}}
{{- end -}}

{{/* The gateway's session settings; with Redis, its address and the password from secrets.redis. */}}
{{- define "selfdata.sessionEnv" -}}
{{- $store := include "selfdata.sessionStore" . -}}
- name: SELFDATA_SESSIONS_STORE
  value: {{ $store | quote }}
{{- if eq $store "redis" }}
- name: SELFDATA_SESSIONS_REDIS_HOST
  value: {{ .Values.gateway.sessions.redis.host | quote }}
- name: SELFDATA_SESSIONS_REDIS_PORT
  value: {{ .Values.gateway.sessions.redis.port | quote }}
- name: SELFDATA_SESSIONS_REDIS_NAMESPACE
  value: {{ .Values.gateway.sessions.redis.namespace | quote }}
- name: SELFDATA_SESSIONS_REDIS_PASSWORD
  valueFrom:
    secretKeyRef: {name: {{ .Values.secrets.redis.name }}, key: {{ .Values.secrets.redis.key }}}
{{- end }}
{{- end -}}

{{- define "selfdata.keycloakUrl" -}}
{{- if .Values.keycloak.operator.enabled -}}
{{- printf "https://%s" .Values.keycloak.operator.hostname -}}
{{- else -}}
{{- .Values.keycloak.url -}}
{{- end -}}
{{- end -}}

{{/*
One stateless Spring Boot service: Deployment (probes on the actuator's liveness and readiness
groups), Service, PodDisruptionBudget and, when enabled, HorizontalPodAutoscaler. The actuator
answers on its own port (managementPort), which no Service exposes: nothing of it reaches the
Ingress, and only the kubelet and the monitoring namespace (NetworkPolicy) reach it.
Arguments: root (the chart context), component (its name), app (its values), env (extra env YAML),
serviceAccount (name, or empty for none), volumes/mounts (extra YAML).
*/}}
{{- define "selfdata.service" -}}
{{- $root := .root -}}
{{- $app := .app -}}
{{- $name := printf "%s-%s" (include "selfdata.fullname" $root) .component -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ $name }}
  labels:
    {{- include "selfdata.labels" $root | nindent 4 }}
    {{- include "selfdata.selectorLabels" . | nindent 4 }}
spec:
  {{- if not $app.autoscaling.enabled }}
  replicas: {{ $app.replicas }}
  {{- end }}
  selector:
    matchLabels:
      {{- include "selfdata.selectorLabels" . | nindent 6 }}
  strategy:
    type: RollingUpdate
    rollingUpdate: {maxUnavailable: 0, maxSurge: 1}
  template:
    metadata:
      labels:
        {{- include "selfdata.labels" $root | nindent 8 }}
        {{- include "selfdata.selectorLabels" . | nindent 8 }}
    spec:
      {{- if .serviceAccount }}
      serviceAccountName: {{ .serviceAccount }}
      automountServiceAccountToken: true
      {{- else }}
      automountServiceAccountToken: false
      {{- end }}
      securityContext:
        runAsNonRoot: true
        runAsUser: 10001
        fsGroup: 10001
        seccompProfile: {type: RuntimeDefault}
      terminationGracePeriodSeconds: 45
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: kubernetes.io/hostname
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              {{- include "selfdata.selectorLabels" . | nindent 14 }}
      containers:
        - name: {{ .component }}
          image: {{ include "selfdata.image" . }}
          imagePullPolicy: {{ $root.Values.image.pullPolicy }}
          ports:
            - {name: http, containerPort: {{ $app.port }}}
            - {name: management, containerPort: {{ $root.Values.managementPort }}}
          env:
            - name: SERVER_PORT
              value: {{ $app.port | quote }}
            - name: MANAGEMENT_SERVER_PORT
              value: {{ $root.Values.managementPort | quote }}
            - name: MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED
              value: "true"
            - name: JAVA_TOOL_OPTIONS
              value: {{ $app.javaOpts | quote }}
            {{- with .env }}
            {{- . | trim | nindent 12 }}
            {{- end }}
          startupProbe:
            httpGet: {path: /actuator/health/liveness, port: management}
            periodSeconds: 5
            failureThreshold: 60
          livenessProbe:
            httpGet: {path: /actuator/health/liveness, port: management}
            periodSeconds: 10
            failureThreshold: 3
          readinessProbe:
            httpGet: {path: /actuator/health/readiness, port: management}
            periodSeconds: 5
            failureThreshold: 2
          lifecycle:
            # Let endpoints drop the pod before the graceful shutdown starts.
            preStop:
              sleep: {seconds: 10}
          resources:
            {{- toYaml $app.resources | nindent 12 }}
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities: {drop: [ALL]}
          volumeMounts:
            - {name: tmp, mountPath: /tmp}
            {{- with .mounts }}
            {{- . | nindent 12 }}
            {{- end }}
      volumes:
        - name: tmp
          emptyDir: {}
        {{- with .volumes }}
        {{- . | nindent 8 }}
        {{- end }}
---
apiVersion: v1
kind: Service
metadata:
  name: {{ $name }}
  labels:
    {{- include "selfdata.labels" $root | nindent 4 }}
    {{- include "selfdata.selectorLabels" . | nindent 4 }}
spec:
  selector:
    {{- include "selfdata.selectorLabels" . | nindent 4 }}
  ports:
    - {name: http, port: 80, targetPort: http}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ $name }}
  labels:
    {{- include "selfdata.labels" $root | nindent 4 }}
spec:
  minAvailable: {{ $app.podDisruptionBudget.minAvailable }}
  selector:
    matchLabels:
      {{- include "selfdata.selectorLabels" . | nindent 6 }}
{{- if $app.autoscaling.enabled }}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ $name }}
  labels:
    {{- include "selfdata.labels" $root | nindent 4 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ $name }}
  minReplicas: {{ $app.autoscaling.minReplicas }}
  maxReplicas: {{ $app.autoscaling.maxReplicas }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target: {type: Utilization, averageUtilization: {{ $app.autoscaling.targetCPUUtilizationPercentage }}}
{{- end }}
{{- end -}}

{{- /*
The connector cluster mode tenant-service runs with: the chosen one, or for "auto" Leases as soon as
more than one replica may run (connectors/README.md, "Scale-out").
*/ -}}
{{- define "selfdata.connectorCluster" -}}
{{- $mode := .Values.tenantService.connectorCluster.mode -}}
{{- if not (has $mode (list "auto" "kubernetes" "jdbc" "none")) -}}
{{- fail (printf "tenantService.connectorCluster.mode must be auto, kubernetes, jdbc or none, not %q" $mode) -}}
{{- end -}}
{{- if eq $mode "auto" -}}
{{- $app := .Values.tenantService -}}
{{- ternary "kubernetes" "none" (or $app.autoscaling.enabled (gt (int $app.replicas) 1)) -}}
{{- else -}}
{{- $mode -}}
{{- end -}}
{{- end -}}

{{- /*
The volume of the files tenant-service's pods share (tenantService.sharedFiles): the chart's
ReadWriteMany claim, the operator's, or an emptyDir where only one pod could ever use it.
*/ -}}
{{- define "selfdata.sharedFilesVolume" -}}
{{- $shared := .Values.tenantService.sharedFiles -}}
{{- if $shared.emptyDir -}}
{{- $app := .Values.tenantService -}}
{{- if or $app.autoscaling.enabled (gt (int $app.replicas) 1) (eq .Values.mqtt.mode "broker") -}}
{{- fail "tenantService.sharedFiles.emptyDir=true needs a single pod: tenantService.replicas 1, autoscaling off and mqtt.mode external (each pod would see its own drop folders and uploads)" -}}
{{- end -}}
- name: shared
  emptyDir: {}
{{- else -}}
- name: shared
  persistentVolumeClaim: {claimName: {{ default (printf "%s-shared" (include "selfdata.fullname" .)) $shared.existingClaim }}}
{{- end -}}
{{- end -}}

{{- /* The broker's port: mqtt.broker.port, else 8883 with TLS and 1883 without. */ -}}
{{- define "selfdata.mqttPort" -}}
{{- default (ternary "8883" "1883" .Values.mqtt.tls.enabled) (toString .Values.mqtt.broker.port) -}}
{{- end -}}

{{- /* Where tenant-service's replicas subscribe: the broker pod's Service, or the external broker. */ -}}
{{- define "selfdata.mqttUrl" -}}
{{- $mode := .Values.mqtt.mode -}}
{{- if eq $mode "broker" -}}
{{- printf "%s://%s-mqtt:%s" (ternary "ssl" "tcp" .Values.mqtt.tls.enabled) (include "selfdata.fullname" .) (include "selfdata.mqttPort" .) -}}
{{- else if eq $mode "external" -}}
{{- $url := required "mqtt.external.url is required with mqtt.mode external (ssl://host:port)" .Values.mqtt.external.url -}}
{{- if not (regexMatch "^(ssl|tcp)://[A-Za-z0-9.-]+:[0-9]+$" $url) -}}
{{- fail (printf "mqtt.external.url must be ssl://host:port or tcp://host:port, not %q" $url) -}}
{{- end -}}
{{- $url -}}
{{- else -}}
{{- fail (printf "mqtt.mode must be broker or external, not %q" $mode) -}}
{{- end -}}
{{- end -}}

{{- /* The TLS secret's key or trust store, as env for selfdata.connectors.mqtt.tls.<store>. */ -}}
{{- define "selfdata.mqttStoreEnv" -}}
{{- $tls := .root.Values.mqtt.tls -}}
{{- $prefix := printf "SELFDATA_CONNECTORS_MQTT_TLS_%s" (upper .store) -}}
- name: {{ $prefix }}_PATH
  value: {{ printf "/var/lib/selfdata/mqtt-tls/%s.p12" (lower .store) | quote }}
- name: {{ $prefix }}_PASSWORD
  valueFrom:
    secretKeyRef: {name: {{ $tls.passwordSecret.name }}, key: {{ $tls.passwordSecret.key }}}
{{- end -}}
