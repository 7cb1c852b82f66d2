package demo

import (
	"strconv"
	"unicode"
	"unicode/utf8"
)

// The sections of the good-practice template are written in English, from
// these sentences. Placeholders: {topic} (lower case), {benef}, {place},
// {n}, {k}, {vol}, {pct}, {before} (the year before the start), {year} (of
// the evaluation), {months}, {hours}, {nlang}.
var (
	challengeSentences = []string{
		"In {place}, {benef} often face long waiting times and fragmented information when it comes to {topic}.",
		"Local services reported that {benef} were rarely reached by existing offers on {topic}.",
		"Before the project started, there was no coordinated approach to {topic} in {place}.",
		"Language barriers and limited networks kept many {benef} from benefiting from {topic}.",
		"A needs assessment carried out in {before} showed gaps in {topic}, especially in disadvantaged neighbourhoods.",
		"Staff in public services lacked the time and training to address {topic}.",
		"The number of {benef} arriving in {place} grew quickly, while support for {topic} stayed the same.",
	}
	howSentences = []string{
		"The project brings together municipal services, civil society organisations and {benef} in a working group that meets every month.",
		"Trained mentors, many with a migrant background themselves, accompany participants for {months} months.",
		"Participants attend weekly sessions combining practical guidance, language support and individual counselling.",
		"A single contact point in {place} refers people to the right service and follows up on each case.",
		"Volunteers and professional staff work in tandem; volunteers receive {hours} hours of initial training.",
		"Activities are co-designed with {benef} and adapted after each cycle based on their feedback.",
		"Information is provided in {nlang} languages, online and in person.",
		"Outreach workers visit community centres, schools and places of worship to reach {benef}.",
	}
	resultSentences = []string{
		"Since the start, {n} people have taken part and {pct}% completed the programme.",
		"{n} participants received individual support; {pct}% reported that their situation improved.",
		"The approach has been taken up by {k} neighbouring municipalities.",
		"Cooperation between local services improved and waiting times fell by {pct}%.",
		"{k} new partnerships with employers, schools and associations were set up.",
		"A network of {k} trained volunteers now continues the activities independently.",
	}
	evaluationDone = []string{
		"An external evaluation in {year} found high participant satisfaction and recommended continuing the project.",
		"Internal monitoring uses entry and exit questionnaires; results are discussed with partners twice a year.",
		"A university partner assessed the outcomes in {year} using a comparison group.",
		"A peer review with another city in {year} highlighted strengths in outreach and weaknesses in follow-up.",
	}
	evaluationPlanned = []string{
		"The project has not yet been evaluated; an external evaluation is planned for {year}.",
		"Monitoring data are collected from the start; a first evaluation report is due in {year}.",
	}
	resourceSentences = []string{
		"{k} staff members and {vol} volunteers; premises provided by the municipality.",
		"A project coordinator, {k} part-time trainers and {vol} volunteers.",
		"{k} full-time equivalents, interpreters on call and a small budget for materials.",
	}
	fundingSources = []string{
		"Municipal budget", "Regional government grant", "National integration programme",
		"Private foundation grant", "Own resources and donations",
	}
	contactOffices = []string{"Integration Office", "Project team", "Welcome Desk", "Department of Social Affairs", "Diversity and Inclusion Unit"}
	roles          = []string{"practitioner", "researcher", "policy_officer", "trainer", "volunteer", "project_manager"}
)

// lowerFirst lowers the first letter of an English phrase for use mid-sentence.
func lowerFirst(s string) string {
	c, n := utf8.DecodeRuneInString(s)
	if c == utf8.RuneError || !unicode.IsUpper(c) {
		return s
	}
	// Keep acronyms ("EU ...") as they are.
	if n < len(s) {
		if d, _ := utf8.DecodeRuneInString(s[n:]); unicode.IsUpper(d) {
			return s
		}
	}
	return string(unicode.ToLower(c)) + s[n:]
}

// practiceText is the English body of a practice.
type practiceText struct {
	Challenge, HowItWorks, Results, Evaluation, Resources string
}

// writePractice fills the template sections for a practice on the English
// topic phrase, in place, for the given beneficiaries, started in startYear;
// evaluated says whether an evaluation has been done, evalYear when (or when
// it is planned).
func writePractice(r *rng, topicEn, place string, benef []string, startYear int, evaluated bool, evalYear int) practiceText {
	b := benef[0]
	if len(benef) > 1 {
		b = benef[0] + " and " + benef[1]
	}
	kv := []string{
		"topic", lowerFirst(topicEn), "benef", b, "place", place,
		"n", strconv.Itoa(r.Between(25, 2500)), "k", strconv.Itoa(r.Between(2, 14)),
		"vol", strconv.Itoa(r.Between(4, 60)), "before", strconv.Itoa(startYear - 1),
		"pct", strconv.Itoa(r.Between(35, 92)), "year", strconv.Itoa(evalYear),
		"months", strconv.Itoa(r.Between(3, 18)), "hours", strconv.Itoa(r.Between(6, 40)),
		"nlang", strconv.Itoa(r.Between(3, 12)),
	}
	two := func(list []string) string {
		i := r.pickDistinct(len(list), 2)
		return fill(list[i[0]], kv...) + " " + fill(list[i[1]], kv...)
	}
	t := practiceText{
		Challenge:  two(challengeSentences),
		HowItWorks: two(howSentences),
		Resources:  fill(pick(r, resourceSentences), kv...),
	}
	if evaluated {
		t.Results = two(resultSentences)
		t.Evaluation = fill(pick(r, evaluationDone), kv...)
	} else {
		t.Results = "First results are expected once the activities have run for a full cycle."
		t.Evaluation = fill(pick(r, evaluationPlanned), kv...)
	}
	return t
}
