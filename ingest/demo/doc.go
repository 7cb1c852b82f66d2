// Package demo generates deterministic DEMO content for EWSI Graph in the
// project's JSON Lines ingest format, for `ewsi gen --scale N --seed S --out DIR`.
//
// Generate writes eight files into Options.Out, in the order the loader must
// read them so that every link points at a record already written:
//
//	01-organisations.jsonl  02-authorities.jsonl  03-people.jsonl
//	04-funding.jsonl        05-practices.jsonl     06-documents.jsonl
//	07-news.jsonl           08-events.jsonl
//
// Every line is one JSON object with "type", "id" ("practice:demo-000123"),
// "demo": true and "status": "published". Links are fields holding ids
// (implementers, partners, organisations, publishedBy, fundedBy) or
// reference slugs and codes (country, themes, subthemes, principles).
//
// The same Scale, Seed and reference data give byte-identical files: the
// generator draws from PCG streams seeded from Seed, never reads the clock
// (dates are relative to the fixed ReferenceDate) and never ranges over a map.
// Writes are streamed; memory holds only the ids, places and names that later
// files link to.
//
// Places are real: authorities sit on the cities the caller passes (from
// build/reference/cities.json), organisations within 2 km of one. Text comes
// from word banks: titles and summaries are in the record's language where a
// bank exists (en, fr, de, it, es, pl, nl) and in English otherwise, with an
// English summaryEn beside every non-English summary. Names of people,
// organisations and web addresses are made up; addresses use the reserved
// .invalid top-level domain and e-mail addresses example.org.
package demo
