package readcheck

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ewsi/graph"
	"ewsi/ingest"
)

// scanFile writes content to a file named name and scans it: the records read,
// the rejections as "file:line: field: reason" (the folder left out), and the
// error that stopped the scan.
func scanFile(t *testing.T, name, content string) (recs []*graph.Record, errs []string, fatal error) {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	src, err := ingest.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	fatal = src.Scan(func(line int, rec *graph.Record, err error) error {
		if err != nil {
			errs = append(errs, strings.ReplaceAll(graph.ErrorMessageFull(err), dir+string(filepath.Separator), ""))
		} else {
			recs = append(recs, rec)
		}
		return nil
	})
	if fatal != nil {
		fatal = &graph.Error{Code: graph.ErrorCode(fatal), Message: strings.ReplaceAll(graph.ErrorMessageFull(fatal), dir+string(filepath.Separator), "")}
	}
	return recs, errs, fatal
}

const csvHead = "type,id,name,orgType,country,lat,lon\n"

func TestReadersRejectBadInputWithPlace(t *testing.T) {
	long := strings.Repeat("é", 5001)
	tests := []struct {
		name, file, content string
		ok                  int      // records read
		want                []string // each a prefix of one rejection, in order
		wantIn              []string // words each rejection must hold, in order
	}{
		{name: "csv cut inside a quote", file: "cut.csv",
			content: csvHead + "organisation,o1,One,academia,DE,,\norganisation,o2,\"Two is cut",
			ok:      1, want: []string{"cut.csv:3: "}, wantIn: []string{"quote"}},
		{name: "csv bare quote in the first cell", file: "bare.csv",
			content: csvHead + "organ\"isation,o1,One,academia,DE,,\norganisation,o2,Two,academia,DE,,\n",
			ok:      1, want: []string{"bare.csv:2: "}, wantIn: []string{"quote"}},
		{name: "csv bare quote in a later cell", file: "bare2.csv",
			content: csvHead + "organisation,o1,On\"e,academia,DE,,\n",
			want:    []string{"bare2.csv:2: "}, wantIn: []string{"quote"}},
		{name: "jsonl invalid utf-8 in a field", file: "bad.jsonl",
			content: "{\"type\":\"organisation\",\"id\":\"o1\",\"name\":\"Caf\xe9\",\"orgType\":\"academia\",\"country\":\"DE\"}\n",
			want:    []string{"bad.jsonl:1: name: "}, wantIn: []string{"UTF-8"}},
		{name: "csv invalid utf-8 in a cell", file: "bad.csv",
			content: csvHead + "organisation,o1,Caf\xe9,academia,DE,,\n",
			want:    []string{"bad.csv:2: name: "}, wantIn: []string{"UTF-8"}},
		{name: "jsonl starting with a byte order mark", file: "bom.jsonl",
			content: "\ufeff{\"type\":\"organisation\",\"id\":\"o1\",\"name\":\"One\",\"orgType\":\"academia\",\"country\":\"DE\"}\n",
			ok:      1},
		{name: "csv starting with a byte order mark and a quoted header", file: "bom.csv",
			content: "\ufeff\"type\",id,name,orgType,country\norganisation,o1,One,academia,DE\n", ok: 1},
		{name: "summary over its limit", file: "long.jsonl",
			content: `{"type":"organisation","id":"o1","name":"One","orgType":"academia","country":"DE","summary":"` + long + `"}` + "\n",
			want:    []string{"long.jsonl:1: summary: "}, wantIn: []string{"5,000"}},
		{name: "title over its limit", file: "title.jsonl",
			content: `{"type":"news","id":"n1","title":"` + strings.Repeat("t", 501) + `","lang":"en","date":"2024-01-01"}` + "\n",
			want:    []string{"title.jsonl:1: title: "}, wantIn: []string{"500"}},
		{name: "a line over the record limit", file: "huge.jsonl",
			content: `{"type":"organisation","id":"o1","name":"` + strings.Repeat("x", 2<<20) + `"}` + "\n" +
				`{"type":"organisation","id":"o2","name":"Two","orgType":"academia","country":"DE"}` + "\n",
			ok: 1, want: []string{"huge.jsonl:1: "}, wantIn: []string{"limit"}},
		{name: "csv NaN coordinate", file: "nan.csv",
			content: csvHead + "organisation,o1,One,academia,DE,NaN,4\norganisation,o2,Two,academia,DE,45,+Inf\n",
			want:    []string{"nan.csv:2: lat: ", "nan.csv:3: lon: "}, wantIn: []string{"finite", "finite"}},
		{name: "an unknown field of an authority", file: "auth.jsonl",
			content: `{"type":"authority","id":"a1","name":"A","level":"local","country":"DE","lat":1,"lon":2,"colour":"red"}` + "\n",
			want:    []string{"auth.jsonl:1: colour: is not a field of an authority record"}},
		{name: "an authority without its coordinates", file: "auth2.jsonl",
			content: `{"type":"authority","id":"a1","name":"A","level":"local","country":"DE"}` + "\n",
			want:    []string{"auth2.jsonl:1: lat: is required for an authority"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs, errs, fatal := scanFile(t, tt.file, tt.content)
			if fatal != nil {
				t.Fatalf("the scan stopped: %v", fatal)
			}
			if len(recs) != tt.ok {
				t.Errorf("read %d records, want %d (rejections %q)", len(recs), tt.ok, errs)
			}
			if len(errs) != len(tt.want) {
				t.Fatalf("rejections %q, want %d", errs, len(tt.want))
			}
			for i, w := range tt.want {
				if !strings.HasPrefix(errs[i], w) {
					t.Errorf("rejection %d: %q, want it to start with %q", i, errs[i], w)
				}
				if i < len(tt.wantIn) && !strings.Contains(errs[i], tt.wantIn[i]) {
					t.Errorf("rejection %d: %q does not say %q", i, errs[i], tt.wantIn[i])
				}
			}
		})
	}
}

func TestSemicolonCSVSaysWhatIsWrong(t *testing.T) {
	_, errs, fatal := scanFile(t, "semi.csv", "type;id;name;orgType;country\norganisation;o1;One;academia;DE\n")
	if fatal == nil {
		t.Fatalf("the scan went on with an unreadable header; rejections %q", errs)
	}
	msg := fatal.Error()
	for _, w := range []string{"semi.csv:1", "unknown column", `";"`} {
		if !strings.Contains(msg, w) {
			t.Errorf("%q does not say %q", msg, w)
		}
	}
	if strings.Contains(msg, "type: is required") {
		t.Errorf("%q blames the missing type", msg)
	}
}
