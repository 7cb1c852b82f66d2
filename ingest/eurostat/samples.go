package eurostat

import (
	"bytes"
	"context"
	"embed"
	"path"

	"ewsi/graph"
)

// The sample tables (testdata/README.md): written for this project in
// Eurostat's formats, with invented figures. The demo content loads them so
// that the map can be coloured by an indicator; they carry the source
// graph.SourceSampleFile and Sample, never "Eurostat".
//
//go:embed testdata/lfsa_ergacob.tsv testdata/lfsa_urgacob_linear.csv testdata/lfsa_argacob_sdmx2.csv
var samples embed.FS

// SampleTable is one sample file and the series it holds of one indicator.
type SampleTable struct {
	File   string
	Select Select
}

// SampleTables are the sample files with their selections.
func SampleTables() []SampleTable {
	return []SampleTable{
		{"testdata/lfsa_ergacob.tsv", Select{Indicator: "employment-rate", Where: map[string]string{"citizen": "NEU27_2020_FOR"}, Sample: true}},
		{"testdata/lfsa_urgacob_linear.csv", Select{Indicator: "unemployment-rate", Sample: true}},
		{"testdata/lfsa_argacob_sdmx2.csv", Select{Indicator: "activity-rate", Sample: true}},
	}
}

// SampleObservations parses the sample files into observations.
func SampleObservations() ([]graph.Observation, error) {
	var all []graph.Observation
	for _, s := range SampleTables() {
		b, err := samples.ReadFile(s.File)
		if err != nil {
			return nil, err
		}
		t, err := Parse(path.Base(s.File), bytes.NewReader(b))
		if err != nil {
			return nil, err
		}
		obs, _, err := Observations(t, s.Select)
		if err != nil {
			return nil, err
		}
		all = append(all, obs...)
	}
	return all, nil
}

// LoadSamples writes the sample observations (idempotent: merged on their keys).
func LoadSamples(ctx context.Context, w graph.Indicators) (graph.WriteStats, error) {
	obs, err := SampleObservations()
	if err != nil {
		return graph.WriteStats{}, err
	}
	return w.WriteObservations(ctx, obs)
}
