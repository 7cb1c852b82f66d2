package reference

import (
	"os"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"ewsi/graph"
)

// The seed pages live in ../shared/seeds beside the repository, here and in CI.
const (
	seedSite      = "../../../shared/seeds/000_7eca6ea2ec87f573.txt" // the site's presentation: six themes
	seedFramework = "../../../shared/seeds/004_56fe41d93ba14091.txt" // the EU framework: CBPs, indicators
)

func readSeed(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("the seed page %s is needed to check the reference data against it (../shared must sit beside the repository): %v", path, err)
	}
	return string(b)
}

// section returns the text of s between the first line containing from and the
// next line containing to.
func section(t *testing.T, s, from, to string) string {
	t.Helper()
	i := strings.Index(s, from)
	if i < 0 {
		t.Fatalf("the seed has no %q", from)
	}
	s = s[i:]
	j := strings.Index(s, to)
	if j < 0 {
		t.Fatalf("the seed has no %q after %q", to, from)
	}
	return s[:j]
}

// normalise keeps only the letters of s, lower-cased, so that "third-sector" and
// "third sector", or "antidiscrimination" and "Anti-discrimination", compare equal.
func normalise(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

var themeLineRE = regexp.MustCompile(`^\s*•\s*(.+?)\s*\((.+)\)\s*$`)

// TestThemesMatchSeed compares themes.json with the "Thematic structure" list of
// the seed: the same six themes in the same order, and per theme the same number of
// subthemes (the comma-separated items in brackets) with the same English names.
func TestThemesMatchSeed(t *testing.T) {
	list := section(t, readSeed(t, seedSite), "Thematic structure", "Measuring success")
	type seedTheme struct {
		name      string
		subthemes []string
	}
	var seed []seedTheme
	for _, line := range strings.Split(list, "\n") {
		m := themeLineRE.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		var subs []string
		for _, s := range strings.Split(m[2], ",") {
			subs = append(subs, strings.TrimSpace(s))
		}
		seed = append(seed, seedTheme{name: m[1], subthemes: subs})
	}
	if len(seed) != 6 {
		t.Fatalf("found %d themes in the seed, expected 6", len(seed))
	}

	themes, err := parseThemes(themesFile, mustData(t, themesFile))
	if err != nil {
		t.Fatal(err)
	}
	if len(themes) != len(seed) {
		t.Fatalf("themes.json has %d themes, the seed %d", len(themes), len(seed))
	}
	for i, st := range seed {
		th := themes[i]
		if normalise(th.NameEn) != normalise(st.name) {
			t.Errorf("theme %d is %q in themes.json but %q in the seed", i+1, th.NameEn, st.name)
			continue
		}
		if len(th.Subthemes) != len(st.subthemes) {
			t.Errorf("%s: %d subthemes in themes.json, %d in the seed (%s)", th.Slug, len(th.Subthemes), len(st.subthemes), strings.Join(st.subthemes, " | "))
			continue
		}
		for j, name := range st.subthemes {
			if got := th.Subthemes[j].NameEn; normalise(got) != normalise(name) {
				t.Errorf("%s: subtheme %d is %q in themes.json but %q in the seed", th.Slug, j+1, got, name)
			}
		}
	}
}

// TestPrinciplesAndIndicatorsMatchSeed counts the principles ("CBP n:") and the
// indicators of the table of the framework seed.
func TestPrinciplesAndIndicatorsMatchSeed(t *testing.T) {
	seed := readSeed(t, seedFramework)
	cbps := regexp.MustCompile(`(?m)^\s*•\s*CBP (\d+):`).FindAllStringSubmatch(seed, -1)
	if len(cbps) != PrincipleCount {
		t.Errorf("the seed lists %d principles, expected %d", len(cbps), PrincipleCount)
	}
	table := section(t, seed, "indicators currently in use", "This data is regularly updated")
	bullets := regexp.MustCompile(`(?m)^\s*•\s*\S`).FindAllString(table, -1)

	recs, err := Records()
	if err != nil {
		t.Fatal(err)
	}
	var principles, indicators int
	for _, r := range recs {
		switch r.Node.NodeKind() {
		case graph.KindPrinciple:
			principles++
		case graph.KindIndicator:
			indicators++
		}
	}
	if principles != len(cbps) {
		t.Errorf("%d principles, the seed lists %d", principles, len(cbps))
	}
	if len(bullets) == 0 || indicators != len(bullets) {
		t.Errorf("%d indicators, the seed's table lists %d", indicators, len(bullets))
	}
}

func mustData(t *testing.T, file string) []byte {
	t.Helper()
	b, err := readData(file)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
