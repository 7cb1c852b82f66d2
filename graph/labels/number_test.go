package labels

import "testing"

func TestNumber(t *testing.T) {
	for _, c := range []struct {
		lang string
		v    any
		want string
	}{
		{"en", 1406, "1,406"},
		{"de", 1406, "1.406"},
		{"fr", 1406, "1\u202f406"},
		{"fr", 1234567, "1\u202f234\u202f567"},
		{"de", 12, "12"},
	} {
		if got := Number(c.lang, c.v); got != c.want {
			t.Errorf("Number(%s, %v) = %q, want %q", c.lang, c.v, got, c.want)
		}
	}
}
