package app

import (
	"context"
	"fmt"

	"ewsi/graph/neo4j"
	"ewsi/ingest"
	"ewsi/ingest/reference"
)

// ReferenceSources are the reference data: embedded themes, principles,
// framework and indicators, and the countries extracted from npm packages into dir.
func ReferenceSources(dir string) ([]ingest.Source, error) {
	recs, err := reference.Records()
	if err != nil {
		return nil, err
	}
	countries, err := reference.Countries(dir)
	if err != nil {
		return nil, fmt.Errorf("%w (build the reference data with `make`)", err)
	}
	lib, err := reference.Library()
	if err != nil {
		return nil, err
	}
	return []ingest.Source{
		ingest.Records{Label: "reference:countries", Recs: countries},
		ingest.Records{Label: "reference:framework", Recs: recs},
		ingest.Records{Label: "reference:library", Recs: lib.Records},
	}, nil
}

// loadReference loads the reference data (idempotent: unchanged records are left alone).
func loadReference(ctx context.Context, st *neo4j.Store, dir string) (ingest.Summary, error) {
	refs, err := ReferenceSources(dir)
	if err != nil {
		return ingest.Summary{}, err
	}
	sum, err := (&ingest.Loader{W: st}).Load(ctx, refs...)
	if err != nil {
		return sum, fmt.Errorf("loading reference data: %w", err)
	}
	if sum.Rejected > 0 {
		return sum, fmt.Errorf("reference data has %d bad records, first: %v", sum.Rejected, sum.Errors[0])
	}
	// the shipped dossiers gather their content by editors' links, drawn once
	lib, err := reference.Library()
	if err != nil {
		return sum, err
	}
	if _, err := reference.LinkDossiers(ctx, st, lib.Links); err != nil {
		return sum, err
	}
	return sum, nil
}
