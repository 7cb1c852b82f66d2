package demo

// themeDef is a theme and its subthemes, by slug.
type themeDef struct {
	Slug      string
	Subthemes []string
}

// themeTable is the one place the generator learns the thematic structure. It
// copies the slugs of ingest/reference/data/themes.json (the six themes of the
// seed's "Thematic structure" and their subthemes); themes_test.go checks it
// against that file whenever the file is there. To follow the real data, change
// this table only: every subtheme must also have a row in topicTable.
var themeTable = []themeDef{
	{"active-citizenship", []string{
		"residence-work-permits", "civic-citizenship", "naturalisation",
		"political-participation", "volunteering-third-sector", "consultation",
		"mediation-dialogue-platforms", "civic-education"}},
	{"economic-participation", []string{
		"employment", "recognition-qualifications-skills", "vocational-training-career",
		"workforce-diversity", "self-employment-entrepreneurship", "supplier-diversity"}},
	{"social-cohesion", []string{
		"housing-urban-development", "social-inclusion", "social-protection", "health",
		"other-services"}},
	{"education-culture", []string{
		"school-education", "out-of-school-education", "language-competencies",
		"e-learning", "intercultural-dialogue", "cultural-activities-diversity"}},
	{"anti-discrimination-equality", []string{
		"anti-discrimination-work", "anti-discrimination-services", "access-to-justice",
		"equal-opportunities", "positive-action"}},
	{"tools-techniques", []string{
		"benchmarking", "indicators", "evaluation-impact-assessment", "mainstreaming",
		"infrastructure", "media", "awareness-raising"}},
}

// topicsOf picks 1..maxThemes distinct themes (sorted by table order) and for
// each one of its subthemes, plus sometimes a second subthemes of the first
// theme, never more than three subthemes. It returns the theme and subtheme
// slugs and the first subtheme, the record's main topic.
func topicsOf(r *rng, maxThemes int) (themes, subthemes []string, main string) {
	n := 1 + r.IntN(maxThemes)
	idx := r.pickDistinct(len(themeTable), n)
	for _, t := range idx {
		themes = append(themes, themeTable[t].Slug)
	}
	first := -1
	for k, t := range idx {
		subs := themeTable[t].Subthemes
		s := r.IntN(len(subs))
		subthemes = append(subthemes, subs[s])
		if k == 0 {
			first = s
		}
	}
	if len(subthemes) < 3 && r.Chance(0.3) {
		subs := themeTable[idx[0]].Subthemes
		if s := r.IntN(len(subs)); s != first {
			subthemes = append(subthemes, subs[s])
		}
	}
	// The main topic is a random one of the chosen subthemes.
	main = subthemes[r.IntN(len(subthemes))]
	return themes, subthemes, main
}
