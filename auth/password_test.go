package auth

import (
	"strings"
	"testing"
)

func TestHashAndVerify(t *testing.T) {
	p := TestParams()
	h, err := Hash("correct horse battery", p)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=1024,t=1,p=1$") {
		t.Errorf("hash %q is not a PHC argon2id string with the parameters", h)
	}
	again, _ := Hash("correct horse battery", p)
	if again == h {
		t.Error("two hashes of one password are equal: no random salt")
	}
	cases := []struct {
		name, pw, hash string
		ok             bool
		err            bool
	}{
		{"the password", "correct horse battery", h, true, false},
		{"another password", "correct horse batterY", h, false, false},
		{"empty", "", h, false, false},
		{"not argon2id", "x", "$2a$10$abcdefghijklmnopqrstuv", false, true},
		{"parameters out of range", "x", "$argon2id$v=19$m=0,t=1,p=1$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5a2V5a2V5", false, true},
		{"other version", "x", strings.Replace(h, "v=19", "v=16", 1), false, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ok, err := Verify(c.pw, c.hash)
			if ok != c.ok || (err != nil) != c.err {
				t.Errorf("Verify = %v, %v; want %v, error %v", ok, err, c.ok, c.err)
			}
		})
	}
	if !NeedsRehash(h, DefaultParams()) || NeedsRehash(h, p) {
		t.Error("NeedsRehash does not follow the parameters")
	}
}
