// Package kubernetes holds the manifests that run plenary-search on a
// Kubernetes cluster. This test decodes each one strictly into the
// Kubernetes API types, so a misspelt field or a wrong type fails here and
// not at kubectl apply, and checks that they fit together.
package kubernetes

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	appsv1 "k8s.io/api/apps/v1"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	corev1 "k8s.io/api/core/v1"
	policyv1 "k8s.io/api/policy/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	"sigs.k8s.io/yaml"
)

// manifests are the decoded documents of the folder's YAML files.
type manifests struct {
	deployment *appsv1.Deployment
	service    *corev1.Service
	hpa        *autoscalingv2.HorizontalPodAutoscaler
	pdb        *policyv1.PodDisruptionBudget
	files      []string // what kustomization.yaml lists
}

// kustomization is the part of kustomize's file this folder uses.
type kustomization struct {
	APIVersion string   `json:"apiVersion"`
	Kind       string   `json:"kind"`
	Resources  []string `json:"resources"`
}

func load(t *testing.T) manifests {
	t.Helper()
	paths, err := filepath.Glob("*.yaml")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no manifests: %v", err)
	}
	var m manifests
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for i, doc := range bytes.Split(data, []byte("\n---\n")) {
			var meta metav1.TypeMeta
			if err := yaml.Unmarshal(doc, &meta); err != nil {
				t.Fatalf("%s: document %d: %v", p, i+1, err)
			}
			var into any
			switch meta.Kind {
			case "Deployment":
				m.deployment = &appsv1.Deployment{}
				into = m.deployment
			case "Service":
				m.service = &corev1.Service{}
				into = m.service
			case "HorizontalPodAutoscaler":
				m.hpa = &autoscalingv2.HorizontalPodAutoscaler{}
				into = m.hpa
			case "PodDisruptionBudget":
				m.pdb = &policyv1.PodDisruptionBudget{}
				into = m.pdb
			case "Kustomization":
				var k kustomization
				if err := yaml.UnmarshalStrict(doc, &k); err != nil {
					t.Fatalf("%s: %v", p, err)
				}
				m.files = k.Resources
				continue
			default:
				t.Fatalf("%s: document %d: unexpected kind %q", p, i+1, meta.Kind)
			}
			// Strict: an unknown or misspelt field is an error, as the
			// API server's field validation would make it.
			if err := yaml.UnmarshalStrict(doc, into); err != nil {
				t.Fatalf("%s: document %d (%s): %v", p, i+1, meta.Kind, err)
			}
		}
	}
	return m
}

func TestManifestsDecodeStrictly(t *testing.T) {
	m := load(t)
	if m.deployment == nil || m.service == nil || m.hpa == nil || m.pdb == nil {
		t.Fatalf("want a Deployment, a Service, a HorizontalPodAutoscaler and a PodDisruptionBudget")
	}
	paths, _ := filepath.Glob("*.yaml")
	for _, p := range paths {
		if p != "kustomization.yaml" && !slices.Contains(m.files, p) {
			t.Errorf("kustomization.yaml does not list %s", p)
		}
	}
}

func TestManifestsFitTogether(t *testing.T) {
	m := load(t)
	d := m.deployment
	sel, err := metav1.LabelSelectorAsSelector(d.Spec.Selector)
	if err != nil {
		t.Fatal(err)
	}
	pods := labels.Set(d.Spec.Template.Labels)
	if !sel.Matches(pods) {
		t.Errorf("the Deployment's selector %v does not match its pods' labels %v", sel, pods)
	}
	if !labels.SelectorFromSet(m.service.Spec.Selector).Matches(pods) {
		t.Errorf("the Service's selector %v does not match the pods", m.service.Spec.Selector)
	}
	pdbSel, err := metav1.LabelSelectorAsSelector(m.pdb.Spec.Selector)
	if err != nil || !pdbSel.Matches(pods) {
		t.Errorf("the PodDisruptionBudget's selector does not match the pods (%v)", err)
	}
	ref := m.hpa.Spec.ScaleTargetRef
	if ref.Kind != "Deployment" || ref.Name != d.Name {
		t.Errorf("the autoscaler scales %s/%s, not the Deployment %s", ref.Kind, ref.Name, d.Name)
	}
	if m.hpa.Spec.MinReplicas == nil || *m.hpa.Spec.MinReplicas < 2 || m.hpa.Spec.MaxReplicas < *m.hpa.Spec.MinReplicas {
		t.Errorf("the autoscaler keeps fewer than two replicas, or its maximum is below its minimum")
	}
	// One replica at a time: never fewer ready replicas than wanted while
	// a new index version rolls out.
	ru := d.Spec.Strategy.RollingUpdate
	if d.Spec.Strategy.Type != appsv1.RollingUpdateDeploymentStrategyType || ru == nil || ru.MaxUnavailable == nil || ru.MaxUnavailable.IntValue() != 0 {
		t.Errorf("the rollout may take replicas away before new ones are ready: %+v", d.Spec.Strategy)
	}
	if len(d.Spec.Template.Spec.Containers) != 1 {
		t.Fatalf("want one container, got %d", len(d.Spec.Template.Spec.Containers))
	}
	c := d.Spec.Template.Spec.Containers[0]
	if strings.HasSuffix(c.Image, ":latest") || !strings.Contains(c.Image, ":") {
		t.Errorf("image %q: name a tag, one per archive version", c.Image)
	}
	ports := map[string]int32{}
	for _, p := range c.Ports {
		ports[p.Name] = p.ContainerPort
	}
	for name, probe := range map[string]*corev1.Probe{"readiness": c.ReadinessProbe, "liveness": c.LivenessProbe} {
		if probe == nil || probe.HTTPGet == nil {
			t.Errorf("no HTTP %s probe", name)
			continue
		}
		if _, ok := ports[probe.HTTPGet.Port.String()]; !ok && probe.HTTPGet.Port.IntValue() == 0 {
			t.Errorf("the %s probe's port %s is not a port of the container", name, probe.HTTPGet.Port.String())
		}
	}
	if p := c.ReadinessProbe; p != nil && p.HTTPGet != nil && p.HTTPGet.Path != "/readyz" {
		t.Errorf("readiness probe on %s, want /readyz (not ready while shedding load)", p.HTTPGet.Path)
	}
	if p := c.LivenessProbe; p != nil && p.HTTPGet != nil && p.HTTPGet.Path != "/healthz" {
		t.Errorf("liveness probe on %s, want /healthz", p.HTTPGet.Path)
	}
	if _, ok := ports[m.service.Spec.Ports[0].TargetPort.String()]; !ok {
		t.Errorf("the Service targets port %s, which the container does not name", m.service.Spec.Ports[0].TargetPort.String())
	}
	if c.Resources.Requests.Cpu().IsZero() || c.Resources.Requests.Memory().IsZero() {
		t.Errorf("the container requests no CPU or memory: the autoscaler's utilisation needs requests")
	}
	sc := c.SecurityContext
	if sc == nil || sc.ReadOnlyRootFilesystem == nil || !*sc.ReadOnlyRootFilesystem || sc.AllowPrivilegeEscalation == nil || *sc.AllowPrivilegeEscalation {
		t.Errorf("the container must run on a read-only file system without privilege escalation")
	}
	if ps := d.Spec.Template.Spec.SecurityContext; ps == nil || ps.RunAsNonRoot == nil || !*ps.RunAsNonRoot {
		t.Errorf("the pod must run as a non-root user")
	}
}
