package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestIndicatorsLoad(t *testing.T) {
	loadReference(t)
	file := filepath.Join("ingest", "eurostat", "testdata", "lfsa_ergacob.tsv")
	args := []string{"indicators", "load", "--indicator", "employment-rate", "--where", "citizen=NEU27_2020_FOR", "--sample", file}
	out, err := ewsi(args...).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "34 observations") || !strings.Contains(string(out), "created 34, updated 0, unchanged 0") {
		t.Fatalf("first load: %v\n%s", err, out)
	}
	out, err = ewsi(args...).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "created 0, updated 0, unchanged 34") {
		t.Errorf("second load: %v\n%s", err, out)
	}
	rows, err := db.Store.Query(t.Context(), "MATCH (o:Observation {indicator: 'indicator:employment-rate'}) RETURN count(o) AS c, collect(DISTINCT o.source) AS s", nil)
	if err != nil || rows[0]["c"].(int64) != 34 || len(rows[0]["s"].([]any)) != 1 || rows[0]["s"].([]any)[0] != "sample file" {
		t.Errorf("stored: %v %v", rows, err)
	}
	// both series left: the command names the lines and the dimension to choose
	out, err = ewsi("indicators", "load", "--indicator", "employment-rate", file).CombinedOutput()
	if err == nil || !strings.Contains(string(out), file+":") || !strings.Contains(string(out), "citizen (NEU27_2020_FOR, NAT)") {
		t.Errorf("two series: %v\n%s", err, out)
	}
	bad := filepath.Join(t.TempDir(), "bad.tsv")
	os.WriteFile(bad, []byte("unit,geo\\TIME_PERIOD\t2021 \nPC,FR\t1.5 \nPC,DE\tx \n"), 0o644)
	out, err = ewsi("indicators", "load", "--indicator", "employment-rate", bad).CombinedOutput()
	if err == nil || !strings.Contains(string(out), bad+`:3: 2021: "x" is not a number`) {
		t.Errorf("bad line: %v\n%s", err, out)
	}
	out, err = ewsi("indicators", "load", "--indicator", "no-such-indicator", "--where", "citizen=NAT", file).CombinedOutput()
	if err == nil || !strings.Contains(string(out), "indicator:no-such-indicator") {
		t.Errorf("unknown indicator: %v\n%s", err, out)
	}
}
