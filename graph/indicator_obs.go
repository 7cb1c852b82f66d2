package graph

import (
	"context"
	"math"
	"strconv"
	"strings"
)

// SourceSampleFile is the source of observations loaded from the sample files
// shipped with the code: they are samples written in Eurostat's format, not
// Eurostat's figures, and the interface says so.
const SourceSampleFile = "sample file"

// Observation is the value of one indicator in one country and year.
type Observation struct {
	Indicator string  // indicator id (indicator:employment-rate)
	Country   string  // ISO 3166 alpha-2
	Year      int     // the reference year
	Value     float64 // in the indicator's unit
	Flags     string  // Eurostat's flags (b break in series, e estimated, p provisional, u low reliability...)
	Source    string  // where it comes from: "Eurostat" or SourceSampleFile
	Dataset   string  // the table's code (lfsa_ergacob)
	Sample    bool    // from a sample file, not published figures
}

// Key is the observation's natural key: one value per indicator, country and year.
func (o *Observation) Key() string {
	return o.Indicator + "|" + o.Country + "|" + strconv.Itoa(o.Year)
}

// Validate checks the observation; errors name the field.
func (o *Observation) Validate() error {
	var c checker
	if !strings.HasPrefix(o.Indicator, "indicator:") || len(o.Indicator) == len("indicator:") {
		c.fail("indicator", "%q is not an indicator id (indicator:slug)", o.Indicator)
	}
	iso, ok := CountryCode(o.Country)
	if !ok {
		c.fail("geo", "%q is not a two-letter country code", o.Country)
	}
	o.Country = iso
	if o.Year < 1900 || o.Year > 2200 {
		c.fail("year", "%d is out of range (1900-2200)", o.Year)
	}
	if math.IsNaN(o.Value) || math.IsInf(o.Value, 0) {
		c.fail("value", "is not a finite number")
	}
	if strings.TrimSpace(o.Source) == "" {
		c.fail("source", "is required")
	}
	c.maxLen("source", o.Source, 200)
	c.maxLen("dataset", o.Dataset, 100)
	c.maxLen("flags", o.Flags, 10)
	return c.errs.Err()
}

// Indicators keeps the observations of the integration indicators.
type Indicators interface {
	// WriteObservations merges the observations on their key in one
	// transaction: loading the same ones again changes nothing.
	WriteObservations(ctx context.Context, obs []Observation) (WriteStats, error)
	// IndicatorValues returns, for each country, the observation of indicator in
	// year, or when year is 0 its latest one; ordered by country.
	IndicatorValues(ctx context.Context, indicator string, year int) ([]Observation, error)
	// IndicatorYears returns the years with an observation of each indicator
	// asked, in ascending order.
	IndicatorYears(ctx context.Context, indicators []string) (map[string][]int, error)
	// CountryObservations returns the latest observation of each indicator in
	// each country asked, by indicator id.
	CountryObservations(ctx context.Context, iso2 []string) (map[string][]Observation, error)
}
