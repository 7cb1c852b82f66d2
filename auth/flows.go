package auth

import (
	"context"
	"regexp"
	"strings"
	"unicode/utf8"

	"ewsi/graph"
)

// Registration is what a person gives to register.
type Registration struct {
	Name         string
	Email        string
	Password     string
	Languages    []string
	Organisation string
	ShareDetails bool
	Themes       []string
	Lang         graph.Lang // of the mails and pages
}

var langCode = regexp.MustCompile(`^[a-z]{2}$`)

// validate checks a registration and normalises its email and languages.
func (r *Registration) validate() error {
	var errs graph.Errors
	r.Name = strings.TrimSpace(r.Name)
	if r.Name == "" || utf8.RuneCountInString(r.Name) > 200 {
		errs = append(errs, graph.Errorf(graph.EINVALID, "input.name", "a name of 1 to 200 characters is required"))
	}
	email, err := graph.NormalizeEmail("input.email", r.Email)
	if err != nil {
		errs = append(errs, err.(*graph.Error))
	}
	r.Email = email
	if err := graph.CheckPassword("input.password", r.Password); err != nil {
		errs = append(errs, err.(*graph.Error))
	}
	langs, err := checkLanguages("input.languages", r.Languages)
	if err != nil {
		errs = append(errs, err.(*graph.Error))
	}
	r.Languages = langs
	if len(r.Themes) > 20 {
		errs = append(errs, graph.Errorf(graph.EINVALID, "input.themes", "at most 20 themes"))
	}
	if r.Organisation != "" {
		if k, ok := graph.KindOfID(r.Organisation); !ok || k != graph.KindOrganisation {
			errs = append(errs, graph.Errorf(graph.EINVALID, "input.organisation", "%q is not an organisation id (organisation:...)", r.Organisation))
		}
	}
	r.Lang = mailLang(r.Lang)
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// checkLanguages lower-cases ISO 639-1 codes and checks them.
func checkLanguages(where string, in []string) ([]string, error) {
	if len(in) > 30 {
		return nil, graph.Errorf(graph.EINVALID, where, "at most 30 languages")
	}
	out := make([]string, 0, len(in))
	for i, l := range in {
		l = strings.ToLower(strings.TrimSpace(l))
		if !langCode.MatchString(l) {
			return nil, graph.Errorf(graph.EINVALID, where, "item %d: %q is not an ISO 639-1 code such as fr", i+1, in[i])
		}
		out = append(out, l)
	}
	return out, nil
}

// Register writes an unconfirmed account and mails its confirmation link. For
// an address already registered it mails that address a password reset link
// instead, and answers the same, so that nobody learns which addresses are
// registered.
func (s *Service) Register(ctx context.Context, r Registration) error {
	ip := ClientIP(ctx)
	if err := s.throttled(ctx, key("register:ip", ip)); err != nil {
		return err
	}
	if err := r.validate(); err != nil {
		return err
	}
	if _, err := s.hit(ctx, s.cfg.Rules.Register, key("register:ip", ip)); err != nil {
		return err
	}
	hash, err := s.hash(ctx, r.Password)
	if err != nil {
		return err
	}
	local, err := graph.NewKey()
	if err != nil {
		return err
	}
	id := graph.KindPerson.Prefix() + ":" + local[:22]
	token, tokenHash, err := newSecret()
	if err != nil {
		return err
	}
	now := s.now()
	created, err := s.store.CreateAccount(ctx, graph.NewAccount{ID: id, Name: r.Name, Email: r.Email, PasswordHash: hash,
		Languages: r.Languages, Lang: r.Lang, ShareDetails: r.ShareDetails, ThemeIDs: r.Themes, Organisation: r.Organisation},
		graph.OneTimeToken{Hash: tokenHash, Purpose: graph.TokenConfirm, PersonID: id, Expires: now.Add(confirmTTL)}, now)
	if err != nil {
		return err
	}
	if created {
		s.notify(ctx, Notice{Key: "confirm:" + id + ":" + tokenHash, To: r.Email, Lang: string(r.Lang), Template: TemplateConfirmEmail,
			Data: map[string]any{"name": r.Name, "url": s.link("/account/confirm", token, r.Lang)}})
		return nil
	}
	return s.mailReset(ctx, r.Email, r.Lang)
}

// mailReset mails a reset link to a registered address (nothing for another).
// (Registering again with a registered address gets this mail too: its owner
// may have forgotten the account; nobody else learns that it exists.)
func (s *Service) mailReset(ctx context.Context, email string, lang graph.Lang) error {
	c, err := s.store.CredentialsByEmail(ctx, email)
	if err != nil || c == nil {
		return err
	}
	token, tokenHash, err := newSecret()
	if err != nil {
		return err
	}
	if err := s.store.AddOneTimeToken(ctx, graph.OneTimeToken{Hash: tokenHash, Purpose: graph.TokenReset, PersonID: c.PersonID,
		Expires: s.now().Add(resetTTL)}); err != nil {
		return err
	}
	if c.Lang != "" {
		lang = c.Lang
	}
	lang = mailLang(lang)
	s.notify(ctx, Notice{Key: "reset:" + c.PersonID + ":" + tokenHash, To: email, Lang: string(lang), Template: TemplateResetPassword,
		Data: map[string]any{"name": c.Name, "url": s.link("/account/reset", token, lang)}})
	return nil
}

// useToken spends a mailed link's token; wrong ones count against the client.
func (s *Service) useToken(ctx context.Context, purpose, token string) (*graph.OneTimeToken, error) {
	ip := ClientIP(ctx)
	if err := s.throttled(ctx, key("token:ip", ip)); err != nil {
		return nil, err
	}
	if strings.TrimSpace(token) == "" || len(token) > 200 {
		return nil, graph.Errorf(graph.EINVALID, "token", "the token from the mailed link is required")
	}
	t, err := s.store.UseOneTimeToken(ctx, purpose, HashSecret(token), s.now())
	if isCode(err, graph.ENOTFOUND) {
		if _, herr := s.hit(ctx, s.cfg.Rules.TokenIP, key("token:ip", ip)); herr != nil {
			return nil, herr
		}
	}
	return t, err
}

// ConfirmEmail confirms the address of the account the token was mailed for.
func (s *Service) ConfirmEmail(ctx context.Context, token string) error {
	t, err := s.useToken(ctx, graph.TokenConfirm, token)
	if err != nil {
		return err
	}
	return s.store.ConfirmEmail(ctx, t.PersonID, s.now())
}

// CheckLogin checks an email and password and returns the person's id. Unknown
// addresses and wrong passwords fail alike, after the same work; failures count
// against the address and the client, and lock them with backoff.
func (s *Service) CheckLogin(ctx context.Context, email, password string) (string, error) {
	e, err := graph.NormalizeEmail("email", email)
	if err != nil {
		return "", errWrongCredentials
	}
	keys := []string{key("login:email", e), key("login:ip", ClientIP(ctx))}
	if err := s.throttled(ctx, keys...); err != nil {
		return "", err
	}
	c, err := s.store.CredentialsByEmail(ctx, e)
	if err != nil {
		return "", err
	}
	encoded := s.dummy
	if c != nil {
		encoded = c.PasswordHash
	}
	ok, err := s.verify(ctx, password, encoded)
	if err != nil {
		return "", err
	}
	if c == nil || !ok || len(password) > graph.MaxPasswordLength {
		byEmail, err := s.hit(ctx, s.cfg.Rules.LoginEmail, keys[0])
		if err != nil {
			return "", err
		}
		byIP, err := s.hit(ctx, s.cfg.Rules.LoginIP, keys[1])
		if err != nil {
			return "", err
		}
		if byIP.After(byEmail) {
			byEmail = byIP
		}
		if lerr := lockedError(byEmail, s.now()); lerr != nil {
			return "", lerr
		}
		return "", errWrongCredentials
	}
	if !c.Confirmed {
		return "", graph.Errorf(graph.EFORBIDDEN, "email", "confirm your email address first: follow the link in the mail we sent")
	}
	if err := s.store.ThrottleClear(ctx, keys[:1]); err != nil {
		return "", err
	}
	if NeedsRehash(c.PasswordHash, s.cfg.Params) {
		if h, err := s.hash(ctx, password); err == nil {
			err = s.store.SetPasswordHash(ctx, c.PersonID, h)
			if err != nil {
				s.log.Warn("rehash", "err", err)
			}
		}
	}
	return c.PersonID, nil
}

// CheckPassword checks the password of a logged-in person (before deleting the
// account or changing its email); failures count as failed logins.
func (s *Service) CheckPassword(ctx context.Context, personID, password string) error {
	keys := []string{key("login:person", personID), key("login:ip", ClientIP(ctx))}
	if err := s.throttled(ctx, keys...); err != nil {
		return err
	}
	c, err := s.store.CredentialsByID(ctx, personID)
	if err != nil {
		return err
	}
	if c == nil {
		return graph.Errorf(graph.ENOTFOUND, "person", "no such account")
	}
	ok, err := s.verify(ctx, password, c.PasswordHash)
	if err != nil {
		return err
	}
	if !ok {
		if _, err := s.hit(ctx, s.cfg.Rules.LoginEmail, keys...); err != nil {
			return err
		}
		return graph.Errorf(graph.EFORBIDDEN, "password", "the password is wrong")
	}
	return nil
}

// RequestPasswordReset mails a reset link to a registered address; it answers
// the same for any address.
func (s *Service) RequestPasswordReset(ctx context.Context, email string, lang graph.Lang) error {
	e, err := graph.NormalizeEmail("email", email)
	if err != nil {
		return err
	}
	keys := []string{key("reset:email", e), key("reset:ip", ClientIP(ctx))}
	if err := s.throttled(ctx, keys...); err != nil {
		return err
	}
	if _, err := s.hit(ctx, s.cfg.Rules.ResetEmail, keys[0]); err != nil {
		return err
	}
	if _, err := s.hit(ctx, s.cfg.Rules.ResetIP, keys[1]); err != nil {
		return err
	}
	return s.mailReset(ctx, e, lang)
}

// ResetPassword sets a new password from a reset token; every session ends.
func (s *Service) ResetPassword(ctx context.Context, token, password string) error {
	if err := graph.CheckPassword("password", password); err != nil {
		return err
	}
	t, err := s.useToken(ctx, graph.TokenReset, token)
	if err != nil {
		return err
	}
	hash, err := s.hash(ctx, password)
	if err != nil {
		return err
	}
	if err := s.store.SetPassword(ctx, t.PersonID, hash, s.now()); err != nil {
		return err
	}
	// following the mailed link proves the address, as confirming does
	return s.store.ConfirmEmail(ctx, t.PersonID, s.now())
}

// ChangeEmail checks the password and mails a confirmation link to the new
// address; the email changes when it is followed. A new address that another
// account holds gets no mail, and the answer is the same.
func (s *Service) ChangeEmail(ctx context.Context, personID, newEmail, password string) error {
	e, err := graph.NormalizeEmail("newEmail", newEmail)
	if err != nil {
		return err
	}
	if err := s.CheckPassword(ctx, personID, password); err != nil {
		return err
	}
	keys := []string{key("reset:email", e), key("reset:ip", ClientIP(ctx))}
	if err := s.throttled(ctx, keys...); err != nil {
		return err
	}
	if _, err := s.hit(ctx, s.cfg.Rules.ResetEmail, keys[0]); err != nil {
		return err
	}
	taken, err := s.store.CredentialsByEmail(ctx, e)
	if err != nil || taken != nil {
		return err
	}
	acc, err := s.store.Account(ctx, personID)
	if err != nil {
		return err
	}
	token, tokenHash, err := newSecret()
	if err != nil {
		return err
	}
	if err := s.store.AddOneTimeToken(ctx, graph.OneTimeToken{Hash: tokenHash, Purpose: graph.TokenEmail, PersonID: personID,
		Expires: s.now().Add(confirmTTL), Data: e}); err != nil {
		return err
	}
	if err := s.store.SetPendingEmail(ctx, personID, e); err != nil {
		return err
	}
	lang := mailLang(acc.Lang)
	s.notify(ctx, Notice{Key: "email:" + personID + ":" + tokenHash, To: e, Lang: string(lang), Template: TemplateConfirmNewEmail,
		Data: map[string]any{"name": acc.Name, "url": s.link("/account/email", token, lang)}})
	return nil
}

// ConfirmEmailChange sets the new address the token was mailed to.
func (s *Service) ConfirmEmailChange(ctx context.Context, token string) error {
	t, err := s.useToken(ctx, graph.TokenEmail, token)
	if err != nil {
		return err
	}
	return s.store.SetEmail(ctx, t.PersonID, t.Data, s.now())
}

// Languages checks and lower-cases ISO 639-1 codes; where names the argument.
func Languages(where string, in []string) ([]string, error) { return checkLanguages(where, in) }

// Profile checks the changes to a profile.
func Profile(name *string, languages []string, lang *graph.Lang, share *bool, themes []string) (graph.ProfilePatch, error) {
	p := graph.ProfilePatch{ShareDetails: share, ThemeIDs: themes}
	if name != nil {
		n := strings.TrimSpace(*name)
		if n == "" || utf8.RuneCountInString(n) > 200 {
			return p, graph.Errorf(graph.EINVALID, "input.name", "a name of 1 to 200 characters is required")
		}
		p.Name = &n
	}
	if languages != nil {
		l, err := checkLanguages("input.languages", languages)
		if err != nil {
			return p, err
		}
		p.Languages = l
	}
	if lang != nil {
		l := mailLang(*lang)
		if l != *lang {
			return p, graph.Errorf(graph.EINVALID, "input.lang", "the site speaks EN, FR and DE; %s is not one of them", *lang)
		}
		p.Lang = &l
	}
	if len(themes) > 20 {
		return p, graph.Errorf(graph.EINVALID, "input.themes", "at most 20 themes")
	}
	return p, nil
}

// DeleteAccount checks the password and deletes the account (see
// graph.Accounts.DeleteAccount); the mails waiting for its address are
// forgotten, and the request's session cookie is cleared.
func (s *Service) DeleteAccount(ctx context.Context, personID, password string) error {
	if err := s.CheckPassword(ctx, personID, password); err != nil {
		return err
	}
	acc, err := s.store.Account(ctx, personID)
	if err != nil {
		return err
	}
	if err := s.store.DeleteAccount(ctx, personID, s.now()); err != nil {
		return err
	}
	if ms, ok := s.store.(graph.MailStore); ok {
		if _, err := ms.ForgetMailTo(ctx, acc.Email); err != nil {
			s.log.Error("forget mail", "err", err)
		}
	}
	return s.EndAllSessions(ctx, personID)
}
