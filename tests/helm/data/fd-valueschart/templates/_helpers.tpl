{{- define "fdvalues.namespaces" -}}
{{- $all := prepend .Values.additionalFissionNamespaces .Values.defaultNamespace -}}
{{- join "," $all -}}
{{- end -}}
