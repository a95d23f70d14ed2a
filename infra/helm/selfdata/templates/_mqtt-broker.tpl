{{- /*
The platform's MQTT broker as its own workload (mqtt.mode broker): a tenant-service pod in role
broker. It runs ActiveMQ Artemis on the mqtt port with one account per city, read from the city's
sealed connector secret in the database (the same image, environment and volumes as the replicas,
whose background jobs it shares), each city held to its own topics; it runs no connector and no
Service reaches its http port. One replica: Artemis keeps its journal on its own ReadWriteOnce
volume. Sensors reach it through the "<release>-mqtt" Service, the replicas too.
Arguments: root, env/volumes/mounts (tenant-service's).
tests: ChartRenderingTest ("...broker..."), BrokerWorkloadTest (connectors/framework).
*/ -}}
{{- define "selfdata.mqttBroker" -}}
{{- $root := .root -}}
{{- $broker := $root.Values.mqtt.broker -}}
{{- $tls := $root.Values.mqtt.tls -}}
{{- $name := printf "%s-mqtt" (include "selfdata.fullname" $root) -}}
{{- $selector := dict "root" $root "component" "mqtt-broker" -}}
{{- $port := include "selfdata.mqttPort" $root -}}
{{- $exposed := has $broker.service.type (list "LoadBalancer" "NodePort") -}}
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: {{ $name }}
  labels:
    {{- include "selfdata.labels" $root | nindent 4 }}
    {{- include "selfdata.selectorLabels" $selector | nindent 4 }}
spec:
  replicas: 1
  serviceName: {{ $name }}
  selector:
    matchLabels:
      {{- include "selfdata.selectorLabels" $selector | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "selfdata.labels" $root | nindent 8 }}
        {{- include "selfdata.selectorLabels" $selector | nindent 8 }}
    spec:
      serviceAccountName: {{ include "selfdata.fullname" $root }}-tenant-service
      automountServiceAccountToken: true
      securityContext:
        runAsNonRoot: true
        runAsUser: 10001
        fsGroup: 10001
        seccompProfile: {type: RuntimeDefault}
      terminationGracePeriodSeconds: 45
      containers:
        - name: mqtt-broker
          image: {{ include "selfdata.image" (dict "root" $root "component" "tenant-service") }}
          imagePullPolicy: {{ $root.Values.image.pullPolicy }}
          ports:
            - {name: mqtt, containerPort: {{ $port }}}
            - {name: management, containerPort: {{ $root.Values.managementPort }}}
          env:
            - name: SERVER_PORT
              value: {{ $root.Values.tenantService.port | quote }}
            - name: MANAGEMENT_SERVER_PORT
              value: {{ $root.Values.managementPort | quote }}
            - name: MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED
              value: "true"
            - name: JAVA_TOOL_OPTIONS
              value: {{ $broker.javaOpts | quote }}
            {{- .env | trim | nindent 12 }}
            # a replica that serves MQTT: no connector route runs here, so it takes no lock group
            - name: SELFDATA_CONNECTORS_ENABLED
              value: "false"
            - name: SELFDATA_CONNECTORS_MQTT_ROLE
              value: broker
            - name: SELFDATA_CONNECTORS_MQTT_EMBEDDEDHOST
              value: 0.0.0.0
            - name: SELFDATA_CONNECTORS_MQTT_EMBEDDEDPORT
              value: {{ $port | quote }}
            - name: SELFDATA_CONNECTORS_MQTT_EMBEDDEDDATADIRECTORY
              value: /var/lib/selfdata/mqtt
            {{- if $tls.enabled }}
            {{- include "selfdata.mqttStoreEnv" (dict "root" $root "store" "keyStore") | nindent 12 }}
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
          resources:
            {{- toYaml $broker.resources | nindent 12 }}
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities: {drop: [ALL]}
          volumeMounts:
            - {name: tmp, mountPath: /tmp}
            {{- .mounts | nindent 12 }}
            - {name: journal, mountPath: /var/lib/selfdata/mqtt}
            {{- if $tls.enabled }}
            - {name: mqtt-tls, mountPath: /var/lib/selfdata/mqtt-tls, readOnly: true}
            {{- end }}
      volumes:
        - name: tmp
          emptyDir: {}
        {{- .volumes | nindent 8 }}
        {{- if $tls.enabled }}
        - name: mqtt-tls
          secret: {secretName: {{ $tls.secretName }}, items: [{key: keystore.p12, path: keystore.p12}]}
        {{- end }}
  volumeClaimTemplates:
    - metadata:
        name: journal
      spec:
        accessModes: [ReadWriteOnce]
        {{- with $broker.journal.storageClassName }}
        storageClassName: {{ . }}
        {{- end }}
        resources:
          requests: {storage: {{ $broker.journal.size }}}
---
apiVersion: v1
kind: Service
metadata:
  name: {{ $name }}
  labels:
    {{- include "selfdata.labels" $root | nindent 4 }}
    {{- include "selfdata.selectorLabels" $selector | nindent 4 }}
  {{- with $broker.service.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  type: {{ $broker.service.type }}
  {{- if $exposed }}
  # sensors' own addresses reach the pod, so the NetworkPolicy can tell them apart
  externalTrafficPolicy: Local
  {{- end }}
  {{- if and (eq $broker.service.type "LoadBalancer") $broker.service.sourceRanges }}
  loadBalancerSourceRanges: {{ toJson $broker.service.sourceRanges }}
  {{- end }}
  selector:
    {{- include "selfdata.selectorLabels" $selector | nindent 4 }}
  ports:
    - {name: mqtt, port: {{ $port }}, targetPort: mqtt}
{{- end -}}
