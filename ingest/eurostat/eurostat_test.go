package eurostat

import (
	"os"
	"strings"
	"testing"

	"ewsi/graph"
)

func parseString(t *testing.T, name, s string) (*Table, error) {
	t.Helper()
	return Parse(name, strings.NewReader(s))
}

func TestParseFormats(t *testing.T) {
	tsv := "freq,unit,citizen,geo\\TIME_PERIOD\t2021 \t2022 \n" +
		"A,PC,NEU27_2020_FOR,FR\t61.5 b\t: c\n" +
		"A,PC,NEU27_2020_FOR,EL\t: \t48 \n"
	sdmx1 := "DATAFLOW,LAST UPDATE,freq,unit,citizen,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG\n" +
		"ESTAT:LFSA_ERGACOB(1.0),15/04/24 23:00:00,A,PC,NEU27_2020_FOR,FR,2021,61.5,b\n" +
		"ESTAT:LFSA_ERGACOB(1.0),15/04/24 23:00:00,A,PC,NEU27_2020_FOR,FR,2022,,c\n" +
		"ESTAT:LFSA_ERGACOB(1.0),15/04/24 23:00:00,A,PC,NEU27_2020_FOR,EL,2021,,\n" +
		"ESTAT:LFSA_ERGACOB(1.0),15/04/24 23:00:00,A,PC,NEU27_2020_FOR,EL,2022,48,\n"
	sdmx2 := "STRUCTURE,STRUCTURE_ID,ACTION,freq:Time frequency,unit:Unit,citizen:Citizenship,geo:Geopolitical entity,TIME_PERIOD:Time,OBS_VALUE:Value,OBS_FLAG:Flag\n" +
		"dataflow,ESTAT:LFSA_ERGACOB(1.0),I,A:Annual,PC:Percentage,NEU27_2020_FOR:Non-EU,FR:France,2021,61.5,b\n" +
		"dataflow,ESTAT:LFSA_ERGACOB(1.0),I,A:Annual,PC:Percentage,NEU27_2020_FOR:Non-EU,FR:France,2022,,c\n" +
		"dataflow,ESTAT:LFSA_ERGACOB(1.0),I,A:Annual,PC:Percentage,NEU27_2020_FOR:Non-EU,EL:Greece,2021,,\n" +
		"dataflow,ESTAT:LFSA_ERGACOB(1.0),I,A:Annual,PC:Percentage,NEU27_2020_FOR:Non-EU,EL:Greece,2022,48,\n"
	for _, c := range []struct{ name, file, text, format string }{
		{"tsv", "lfsa_ergacob.tsv", tsv, "tsv"},
		{"sdmx-csv 1.0", "x.csv", sdmx1, "sdmx-csv-1"},
		{"sdmx-csv 2.0 with labels", "x.csv", "\ufeff" + sdmx2, "sdmx-csv-2"},
	} {
		t.Run(c.name, func(t *testing.T) {
			tab, err := parseString(t, c.file, c.text)
			if err != nil {
				t.Fatal(err)
			}
			if tab.Format != c.format || tab.Dataset != "lfsa_ergacob" {
				t.Errorf("format %q dataset %q, want %q lfsa_ergacob", tab.Format, tab.Dataset, c.format)
			}
			if len(tab.Rows) != 4 {
				t.Fatalf("%d rows, want 4: %+v", len(tab.Rows), tab.Rows)
			}
			want := []struct {
				geo     string
				year    int
				value   float64
				missing bool
				flags   string
			}{{"FR", 2021, 61.5, false, "b"}, {"FR", 2022, 0, true, "c"}, {"EL", 2021, 0, true, ""}, {"EL", 2022, 48, false, ""}}
			for i, w := range want {
				r := tab.Rows[i]
				if r.Dims["geo"] != w.geo || r.Dims["citizen"] != "NEU27_2020_FOR" || r.Year != w.year || r.Value != w.value || r.Missing != w.missing || r.Flags != w.flags {
					t.Errorf("row %d: %+v, want %+v", i, r, w)
				}
			}
			obs, sum, err := Observations(tab, Select{Indicator: "employment-rate", Sample: true})
			if err != nil {
				t.Fatal(err)
			}
			if len(obs) != 2 || sum.Missing != 2 || obs[0].Country != "FR" || obs[0].Flags != "b" || obs[1].Country != "GR" || obs[1].Value != 48 ||
				obs[0].Source != graph.SourceSampleFile || !obs[0].Sample || obs[0].Indicator != "indicator:employment-rate" {
				t.Errorf("observations %+v, summary %+v", obs, sum)
			}
		})
	}
}

func TestParseBadLines(t *testing.T) {
	for _, c := range []struct{ name, text, want string }{
		{"not a table", "hello\tworld\n", "t.tsv:1: not a Eurostat table"},
		{"empty", "", "t.tsv:1: the file is empty"},
		{"quarterly", "unit,geo\\TIME_PERIOD\t2021Q1 \n", `t.tsv:1: period "2021Q1" is not a year`},
		{"no geo", "unit,citizen\\TIME_PERIOD\t2021 \n", "t.tsv:1: the header names no geo dimension"},
		{"cells", "unit,geo\\TIME_PERIOD\t2021 \t2022 \nPC,FR\t1.5 \n", "t.tsv:2: 2 cells, want 3"},
		{"codes", "unit,geo\\TIME_PERIOD\t2021 \nPC\t1.5 \n", `t.tsv:2: the series "PC" has 1 codes, want 2`},
		{"number", "unit,geo\\TIME_PERIOD\t2021 \nPC,FR\t1.5 b\nPC,DE\tabc \n", `t.tsv:3: 2021: "abc" is not a number`},
		{"nan", "unit,geo\\TIME_PERIOD\t2021 \nPC,FR\tNaN \n", `t.tsv:2: 2021: "NaN" is not a number`},
		{"flags", "unit,geo\\TIME_PERIOD\t2021 \nPC,FR\t1.5 B!\n", `t.tsv:2: 2021: flags "B!" are not Eurostat flags`},
		{"sdmx no value column", "DATAFLOW,geo,TIME_PERIOD\nX,FR,2021\n", "t.tsv:1: the header has no OBS_VALUE column"},
		{"sdmx columns", "DATAFLOW,geo,TIME_PERIOD,OBS_VALUE\nX,FR,2021,1\nX,FR,2022\n", "t.tsv:3: 3 columns, want 4"},
		{"sdmx period", "DATAFLOW,geo,TIME_PERIOD,OBS_VALUE\nX,FR,2021-Q1,1\n", `t.tsv:2: TIME_PERIOD "2021-Q1" is not a year`},
		{"sdmx value", "DATAFLOW,geo,TIME_PERIOD,OBS_VALUE\nX,FR,2021,1\nX,FR,2022,1,5\n", "t.tsv:3: 5 columns, want 4"},
		{"sdmx quote", "DATAFLOW,geo,TIME_PERIOD,OBS_VALUE\nX,F\"R,2021,1\n", "t.tsv:2:"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := parseString(t, "t.tsv", c.text)
			if err == nil || !strings.Contains(graph.ErrorMessageFull(err), c.want) || graph.ErrorCode(err) != graph.EINVALID {
				t.Errorf("got %v, want INVALID with %q", err, c.want)
			}
		})
	}
}

func TestSelectSeries(t *testing.T) {
	f, err := os.Open("testdata/lfsa_ergacob.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tab, err := Parse("testdata/lfsa_ergacob.tsv", f)
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = Observations(tab, Select{Indicator: "employment-rate"})
	if msg := graph.ErrorMessageFull(err); !strings.Contains(msg, "a second value for AT 2021") || !strings.Contains(msg, "citizen (NEU27_2020_FOR, NAT)") {
		t.Errorf("two series left: %v", err)
	}
	_, _, err = Observations(tab, Select{Indicator: "employment-rate", Where: map[string]string{"country": "X"}})
	if !strings.Contains(graph.ErrorMessageFull(err), `has no dimension "country"`) {
		t.Errorf("unknown dimension: %v", err)
	}
	obs, sum, err := Observations(tab, Select{Indicator: "employment-rate", Where: map[string]string{"citizen": "NEU27_2020_FOR"}, Sample: true})
	if err != nil {
		t.Fatal(err)
	}
	// 12 countries x 3 years, less PL 2021 and IE 2023 (":"); EU27_2020 is an aggregate.
	if len(obs) != 34 || sum.Missing != 2 || sum.Aggregate != 3 || sum.Other != 39 {
		t.Errorf("%d observations, summary %+v", len(obs), sum)
	}
	for _, o := range obs {
		if o.Country == "EL" || o.Dataset != "lfsa_ergacob" {
			t.Errorf("observation %+v: want GR for EL and the dataset from the file name", o)
		}
	}
	if _, err := ParseWhere("citizen"); graph.ErrorCode(err) != graph.EINVALID {
		t.Errorf("where without =: %v", err)
	}
}
