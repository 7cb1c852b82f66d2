package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// previous finds a measure's value in the newest earlier results file of outDir
// that holds it under one of its names (a measure that was renamed keeps its
// old name as an alias), preferring files of the same scale. It returns the
// value and the file's name, or 0 and "" when no earlier run measured it.
func previous(outDir string, scale int, names ...string) (float64, string) {
	files, _ := filepath.Glob(filepath.Join(outDir, "bench-scale*.json"))
	// the names end in the run's start time, so that newest first is a reverse sort by time stamp
	sort.Slice(files, func(i, j int) bool { return stamp(files[i]) > stamp(files[j]) })
	var other struct {
		v    float64
		file string
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		var rep Report
		if json.Unmarshal(b, &rep) != nil {
			continue
		}
		for _, name := range names {
			for _, r := range rep.Results {
				if r.Name != name {
					continue
				}
				if rep.Scale == scale {
					return r.Value, filepath.Base(f)
				}
				if other.file == "" {
					other.v, other.file = r.Value, filepath.Base(f)
				}
			}
		}
	}
	return other.v, other.file
}

// stamp is the time stamp at the end of a results file's name.
func stamp(path string) string {
	base := strings.TrimSuffix(filepath.Base(path), ".json")
	return base[strings.LastIndex(base, "-")+1:]
}
