// Package reference loads the reference data of EWSI Graph. Embedded in the binary:
// the six themes of the site with their subthemes, the eleven Common Basic
// Principles, the EU framework for integration as a timeline of milestones, and the
// common integration indicators of the Zaragoza declaration. Read from files that
// ingest/refdata/build.mjs extracts from npm packages: the countries of Europe and
// their cities.
//
// Everything is validated as it is read; errors name the file, the line and the field.
package reference

import (
	"embed"
	"fmt"

	"ewsi/graph"
)

//go:embed data/*.json
var dataFS embed.FS

// DefaultDir is where `node ingest/refdata/build.mjs`, run from the repository
// root, writes countries.json and cities.json.
const DefaultDir = "build/reference"

// The embedded files, as named in errors.
const (
	themesFile     = "themes.json"
	principlesFile = "principles.json"
	milestonesFile = "milestones.json"
	indicatorsFile = "indicators.json"
)

// source is the Record.Source of a record built from an embedded file.
func source(file string) string { return "reference:" + file }

// readData returns an embedded data file.
func readData(file string) ([]byte, error) {
	b, err := dataFS.ReadFile("data/" + file)
	if err != nil {
		return nil, fmt.Errorf("reference: embedded %s: %w", file, err)
	}
	return b, nil
}

// Records returns the embedded reference data as records to write, all published
// and none demo: themes, subthemes (PART_OF their theme), principles, milestones
// (ABOUT themes, APPLIES principles, NEXT to the following milestone in date order)
// and indicators (MEASURES a theme). It fails when a data file is invalid.
func Records() ([]graph.Record, error) {
	var files [4][]byte
	for i, name := range []string{themesFile, principlesFile, milestonesFile, indicatorsFile} {
		b, err := readData(name)
		if err != nil {
			return nil, err
		}
		files[i] = b
	}
	return build(files[0], files[1], files[2], files[3])
}

// build parses and cross-checks the four files and turns them into records.
func build(themesData, principlesData, milestonesData, indicatorsData []byte) ([]graph.Record, error) {
	themes, err := parseThemes(themesFile, themesData)
	if err != nil {
		return nil, err
	}
	principles, err := parsePrinciples(principlesFile, principlesData)
	if err != nil {
		return nil, err
	}
	themeSlugs := make(map[string]bool, len(themes))
	for _, t := range themes {
		themeSlugs[t.Slug] = true
	}
	numbers := make(map[int]bool, len(principles))
	for _, p := range principles {
		numbers[p.Number] = true
	}
	milestones, err := parseMilestones(milestonesFile, milestonesData, themeSlugs, numbers)
	if err != nil {
		return nil, err
	}
	indicators, err := parseIndicators(indicatorsFile, indicatorsData, themeSlugs)
	if err != nil {
		return nil, err
	}

	var out []graph.Record
	out = append(out, themeRecords(themes)...)
	out = append(out, principleRecords(principles)...)
	out = append(out, milestoneRecords(milestones)...)
	out = append(out, indicatorRecords(indicators)...)
	for i := range out {
		if err := out[i].Validate(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// published is the Meta of a reference node.
func published(kind graph.Kind, local string) graph.Meta {
	return graph.Meta{ID: graph.ID(kind, local), Status: graph.StatusPublished}
}
