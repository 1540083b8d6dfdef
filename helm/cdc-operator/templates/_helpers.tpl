{{/*
Chart name, or nameOverride. Kubernetes names are at most 63 characters.
*/}}
{{- define "cdc-operator.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Full name of the release's objects: fullnameOverride, or <release>-<name> unless the release name
already contains the chart name.
*/}}
{{- define "cdc-operator.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Chart name and version for the helm.sh/chart label ("+" is not allowed in label values).
*/}}
{{- define "cdc-operator.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Labels on every object of the release.
*/}}
{{- define "cdc-operator.labels" -}}
helm.sh/chart: {{ include "cdc-operator.chart" . }}
{{ include "cdc-operator.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/component: operator
app.kubernetes.io/part-of: cdc-pipeline
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/*
Labels that select the operator pod; never change them (a Deployment's selector is immutable).
*/}}
{{- define "cdc-operator.selectorLabels" -}}
app.kubernetes.io/name: {{ include "cdc-operator.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
The operator's service account: the created one, or the named existing one.
*/}}
{{- define "cdc-operator.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "cdc-operator.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
Images; an empty tag means the chart's appVersion, the version both images are built with.
*/}}
{{- define "cdc-operator.image" -}}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) }}
{{- end }}

{{- define "cdc-operator.jobImage" -}}
{{- printf "%s:%s" .Values.jobImage.repository (.Values.jobImage.tag | default .Chart.AppVersion) }}
{{- end }}

{{/*
What the operator does with the Kubernetes API, and nothing more. The same rules go into the
ClusterRole (all namespaces) or into a Role in each watched namespace. Derived from the code
(java-operator-sdk 5.2.3 defaults: server-side apply for the primary resource and for dependents
except ConfigMaps and Secrets); RbacRulesTest holds the same table.
*/}}
{{- define "cdc-operator.rbacRules" -}}
# CdcPipeline informer (list, watch). The finalizer is added with a server-side apply patch and
# removed with a JSON patch (patch); a conflicting removal re-reads the pipeline first (get).
- apiGroups: ["cdc.pipelines.dev"]
  resources: ["cdcpipelines"]
  verbs: ["get", "list", "watch", "patch"]
# Status written by server-side apply (reconcile, updateErrorStatus) and by a merge patch of the
# Cleanup condition while deleting (SourceCleanup).
- apiGroups: ["cdc.pipelines.dev"]
  resources: ["cdcpipelines/status"]
  verbs: ["patch"]
# The ConfigMap and FlinkDeployment carry an owner reference to the pipeline with
# blockOwnerDeletion: true, which OwnerReferencesPermissionEnforcement allows only with this.
- apiGroups: ["cdc.pipelines.dev"]
  resources: ["cdcpipelines/finalizers"]
  verbs: ["update"]
# FlinkDeploymentDependent: informer (list, watch); server-side apply (patch, plus create when the
# object is new). SourceCleanup reads and deletes it before dropping the replication slot (get, delete).
- apiGroups: ["flink.apache.org"]
  resources: ["flinkdeployments"]
  verbs: ["get", "list", "watch", "create", "patch", "delete"]
# PipelineConfigMapDependent: informer (list, watch). java-operator-sdk does not use server-side
# apply for ConfigMaps: POST (create) and PUT (update). Owner references delete it.
- apiGroups: [""]
  resources: ["configmaps"]
  verbs: ["list", "watch", "create", "update"]
# The pipeline's credentials Secrets, read by name for the key check, preflight and clean-up.
# Never list or watch: that would let the operator read every Secret.
- apiGroups: [""]
  resources: ["secrets"]
  verbs: ["get"]
# EventRecorder creates core/v1 Events (it never updates them).
- apiGroups: [""]
  resources: ["events"]
  verbs: ["create"]
{{- end }}
