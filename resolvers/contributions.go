package resolvers

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"time"

	"github.com/99designs/gqlgen/graphql"

	"ewsi/graph"
	"ewsi/markup"
	"ewsi/resolvers/model"
)

// contributions returns the store of contributions, or UNAVAILABLE.
func (r *Resolver) contributions() (graph.Contributions, error) {
	if r.Contributions == nil {
		return nil, graph.Errorf(graph.EUNAVAIL, "", "contributions are not available on this store")
	}
	return r.Contributions, nil
}

// renderer returns the Markdown renderer.
func (r *Resolver) renderer() *markup.Renderer {
	if r.Markup != nil {
		return r.Markup
	}
	return markup.New()
}

// submissionLimit is the per-person limit on submissions.
func (r *Resolver) submissionLimit() graph.SubmissionLimit {
	if r.SubmissionLimit != nil {
		return *r.SubmissionLimit
	}
	return graph.DefaultSubmissionLimit
}

// subjectOf is what the policy needs of a contribution: whose it is, and its country.
func subjectOf(c *graph.Contribution) graph.Subject {
	s := graph.Subject{PersonID: c.Contributor}
	if c.Country != nil {
		s.Country = *c.Country
	}
	return s
}

// loadContribution reads a contribution and checks that the actor may run op on it.
func (r *Resolver) loadContribution(ctx context.Context, op, id string) (graph.Contributions, *graph.Contribution, error) {
	st, err := r.contributions()
	if err != nil {
		return nil, nil, err
	}
	c, err := st.Contribution(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	if err := graph.Authorize(ctx, op, subjectOf(c)); err != nil {
		return nil, nil, err
	}
	return st, c, nil
}

// save saves a draft or submits a contribution for the actor.
func (r *Resolver) save(ctx context.Context, op string, kind graph.ContributionKind, in graph.ContributionInput, key string, submit bool) (*model.SaveContributionResult, error) {
	if err := graph.Authorize(ctx, op, graph.Subject{}); err != nil {
		return nil, err
	}
	st, err := r.contributions()
	if err != nil {
		return nil, err
	}
	a := graph.ActorFrom(ctx)
	c, created, err := st.SaveContribution(ctx, graph.SaveContribution{Person: a.PersonID, Kind: kind, Input: in, Key: key, Submit: submit},
		r.submissionLimit())
	if err != nil {
		return nil, allErrors(ctx, err)
	}
	if submit && created {
		r.notifyContribution(ctx, "contribution-received", c)
	}
	return &model.SaveContributionResult{Contribution: c, Created: created}, nil
}

// contributionPage pages a list of contributions.
func contributionPage(first *int, after *string, read func(graph.Window) ([]*graph.Contribution, int, error)) (*model.ContributionConnection, error) {
	p := graph.PageArgs{First: first, After: after}
	if err := p.Validate(graph.MaxPageSize); err != nil {
		return nil, err
	}
	w, _, _ := p.Window(1 << 30)
	cs, total, err := read(w)
	if err != nil {
		return nil, err
	}
	_, hasPrev, hasNext := p.Window(total)
	conn := &model.ContributionConnection{TotalCount: total, Edges: []*model.ContributionEdge{},
		PageInfo: &model.PageInfo{HasPreviousPage: hasPrev, HasNextPage: hasNext && w.Offset+len(cs) < total}}
	for i, c := range cs {
		conn.Edges = append(conn.Edges, &model.ContributionEdge{Cursor: graph.Cursor(w.Offset + i), Node: c})
	}
	if n := len(conn.Edges); n > 0 {
		conn.PageInfo.StartCursor, conn.PageInfo.EndCursor = &conn.Edges[0].Cursor, &conn.Edges[n-1].Cursor
	}
	return conn, nil
}

// rendered renders the text fields of a contribution that are set.
func (r *Resolver) rendered(c *graph.Contribution) []*model.RenderedField {
	if c.Fields == nil {
		return []*model.RenderedField{}
	}
	var pairs []string
	for _, f := range graph.TextFields {
		pairs = append(pairs, f, c.Fields.Text(f))
	}
	return r.renderFields(pairs...)
}

// notifyContribution mails the contributor about c (template
// contribution-received or contribution-decided). The mail is recorded by the
// notifier and sent after the request; a failure to record it is logged and
// does not undo the change, which is committed already.
func (r *Resolver) notifyContribution(ctx context.Context, template string, c *graph.Contribution) {
	if r.Notifier == nil || r.Contributions == nil {
		return
	}
	email, lang, name, err := r.Contributions.ContributionNotice(ctx, c.ID)
	if err != nil || email == "" {
		if err != nil {
			slog.ErrorContext(ctx, "contribution mail", "contribution", c.ID, "err", err)
		}
		return
	}
	if lang != graph.LangFR && lang != graph.LangDE {
		lang = graph.LangEN
	}
	if name == "" {
		name = email
	}
	data := map[string]any{"name": name, "title": c.Title, "kind": string(c.Kind),
		"url": fmt.Sprintf("/contribute?id=%s&lang=%s", url.QueryEscape(c.ID), lang)}
	key := template + ":" + c.ID
	switch template {
	case "contribution-received":
		if c.SubmittedAt != nil {
			key += ":" + c.SubmittedAt.UTC().Format(time.RFC3339Nano)
		}
	case "contribution-decided":
		key += fmt.Sprintf(":%d", len(c.Reviews))
		if n := len(c.Reviews); n > 0 {
			last := c.Reviews[n-1]
			data["decision"] = "published"
			if last.Decision == graph.DecisionReject {
				data["decision"] = "rejected"
			}
			if last.Reason != nil {
				data["reason"] = *last.Reason
			}
		}
	}
	if err := r.Notifier.Notify(ctx, graph.Notice{Key: key, To: email, Lang: string(lang), Template: template, Data: data}); err != nil {
		slog.ErrorContext(ctx, "contribution mail", "contribution", c.ID, "template", template, "err", err)
	}
}

// allErrors reports every member of a list of input errors, so that a form
// can mark each field: all but the first go into the response as errors of
// their own, the first is returned.
func allErrors(ctx context.Context, err error) error {
	var es graph.Errors
	if !errors.As(err, &es) || len(es) < 2 {
		return err
	}
	for _, e := range es[1:] {
		graphql.AddError(ctx, e)
	}
	return es[0]
}

// renderFields renders the set fields of pairs (field name, text, …) from
// plain text or Markdown to sanitised HTML, in that order.
func (r *Resolver) renderFields(pairs ...string) []*model.RenderedField {
	out := []*model.RenderedField{}
	md := r.renderer()
	for i := 0; i+1 < len(pairs); i += 2 {
		if pairs[i+1] != "" {
			out = append(out, &model.RenderedField{Field: pairs[i], HTML: md.Render(pairs[i+1])})
		}
	}
	return out
}
