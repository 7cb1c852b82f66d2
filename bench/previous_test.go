package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

func TestPrevious(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, scale int, res ...Result) {
		b, _ := json.Marshal(Report{Scale: scale, Results: res})
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("bench-scale10-20261123T165416Z.json", 10, Result{Name: "old name", Value: 1437})
	write("bench-scale10-20261124T032521Z.json", 10, Result{Name: "new name", Value: 900})
	write("bench-scale1-20261120T100000Z.json", 1, Result{Name: "old name", Value: 700})
	write("bench-scale1-20261201T131819Z.json", 1, Result{Name: "other", Value: 1})
	for _, c := range []struct {
		name     string
		scale    int
		names    []string
		want     float64
		wantFile string
	}{
		{"the newest file of the same scale", 1, []string{"new name", "old name"}, 700, "bench-scale1-20261120T100000Z.json"},
		{"the newest of any scale when the scale never measured it", 1, []string{"new name"}, 900, "bench-scale10-20261124T032521Z.json"},
		{"an alias in a newer file wins over the name in an older one", 10, []string{"old name", "new name"}, 900, "bench-scale10-20261124T032521Z.json"},
		{"nothing when no run measured it", 1, []string{"never"}, 0, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			v, f := previous(dir, c.scale, c.names...)
			if v != c.want || f != c.wantFile {
				t.Fatalf("previous(%v) = %v, %q; want %v, %q", c.names, v, f, c.want, c.wantFile)
			}
		})
	}
}
