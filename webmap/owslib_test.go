package webmap_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"ewsi/graph/neo4j/neo4jtest"
)

// OWSLibVersion is the OWSLib (PyPI) that TestOWSLib installs.
const OWSLibVersion = "0.35.0"

// owslibPython returns the python of a venv under build/ holding OWSLib,
// making the venv and installing OWSLib on first use. Any failure fails the
// test: the OGC client test is part of `make test`, never skipped.
func owslibPython(t *testing.T) string {
	t.Helper()
	root, _ := neo4jtest.RepoRoot()
	venv := filepath.Join(root, "build", "owslib-venv")
	python := filepath.Join(venv, "bin", "python")
	version := func() string {
		out, err := exec.Command(python, "-c", "import owslib; print(owslib.__version__)").Output()
		if err != nil {
			return ""
		}
		return strings.TrimSpace(string(out))
	}
	if version() == OWSLibVersion {
		return python
	}
	sys, err := exec.LookPath("python3")
	if err != nil {
		t.Fatal("python3 is not installed, and the OGC client test runs OWSLib under it: install python3 and python3-venv (CI's .ci/run does)")
	}
	if out, err := exec.Command(sys, "-m", "venv", "--clear", venv).CombinedOutput(); err != nil {
		t.Fatalf("python3 -m venv %s: %v\n%s\n(on Debian: apt-get install python3-venv)", venv, err, out)
	}
	pip := exec.Command(python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "OWSLib=="+OWSLibVersion)
	if out, err := pip.CombinedOutput(); err != nil {
		t.Fatalf("pip install OWSLib==%s into %s failed: %v\n%s", OWSLibVersion, venv, err, out)
	}
	if v := version(); v != OWSLibVersion {
		t.Fatalf("after pip install, the venv has OWSLib %q, want %s", v, OWSLibVersion)
	}
	return python
}

// TestOWSLib connects a real OGC API Features client, OWSLib, to /ogc: it reads
// the landing page, conformance and API definition, lists the collections, pages
// the practices of a box (Paris and around) 7 at a time, and reads one by id.
func TestOWSLib(t *testing.T) {
	python := owslibPython(t)
	root, _ := neo4jtest.RepoRoot()
	const bbox = "0,46,5,51" // Paris and around
	cmd := exec.Command(python, filepath.Join(root, "webmap", "test", "owslib_client.py"), baseURL+"/ogc", "practices", bbox, "7")
	cmd.Env = append(os.Environ(), "NO_PROXY=127.0.0.1", "no_proxy=127.0.0.1")
	out, err := cmd.Output()
	if err != nil {
		var stderr []byte
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = ee.Stderr
		}
		t.Fatalf("owslib_client.py: %v\n%s", err, stderr)
	}
	var got struct {
		OWSLib             string         `json:"owslib"`
		LandingLinks       []string       `json:"landingLinks"`
		ConformsTo         []string       `json:"conformsTo"`
		OpenAPI            string         `json:"openapi"`
		Collections        []string       `json:"collections"`
		FeatureCollections []string       `json:"featureCollections"`
		Extent             map[string]any `json:"extent"`
		Pages              int            `json:"pages"`
		NumberMatched      int            `json:"numberMatched"`
		IDs                []string       `json:"ids"`
		Item               struct{ ID, Type, Geometry string }
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("output %s: %v", out, err)
	}
	t.Logf("OWSLib %s: %d collections, %d practices in %s over %d pages", got.OWSLib, len(got.Collections), len(got.IDs), bbox, got.Pages)
	if strings.Join(got.LandingLinks, " ") != "conformance data self service-desc" {
		t.Errorf("landing links %v", got.LandingLinks)
	}
	if !strings.HasPrefix(got.OpenAPI, "3.0") {
		t.Errorf("api(): openapi %q", got.OpenAPI)
	}
	core := false
	for _, c := range got.ConformsTo {
		core = core || c == "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core"
	}
	if !core {
		t.Errorf("conformance %v", got.ConformsTo)
	}
	if strings.Join(got.FeatureCollections, " ") != "local-authorities regional-authorities organisations practices events" {
		t.Errorf("feature collections %v", got.FeatureCollections)
	}
	if got.Extent["spatial"] == nil || got.Extent["temporal"] == nil {
		t.Errorf("practices extent %v", got.Extent)
	}
	want := count(t, "MATCH (n:Practice) WHERE point.withinBBox(n.location, point({longitude: 0, latitude: 46}), point({longitude: 5, latitude: 51})) RETURN count(n) AS c", nil)
	seen := map[string]bool{}
	for _, id := range got.IDs {
		if seen[id] {
			t.Errorf("%s on two pages", id)
		}
		seen[id] = true
	}
	if len(seen) != want || got.NumberMatched != want || got.Pages != (want+6)/7 || want < 8 {
		t.Errorf("paged %d distinct practices in %d pages, numberMatched %d; Cypher counts %d in the box", len(seen), got.Pages, got.NumberMatched, want)
	}
	if len(got.IDs) == 0 || got.Item.ID != got.IDs[0] || got.Item.Type != "Feature" || got.Item.Geometry != "Point" {
		t.Errorf("item %+v, want the first of %v", got.Item, got.IDs)
	}
}
