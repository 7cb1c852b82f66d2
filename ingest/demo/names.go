package demo

import (
	"strings"
	"unicode/utf8"
)

// coins are made-up, language-neutral names for organisations and projects.
var coins = []string{
	"Agora", "Atlas", "Aurora", "Babel", "Caravela", "Compass", "Concordia",
	"Confluence", "Delta", "Dialogos", "Elan", "Equinox", "Forum", "Galaxia",
	"Harmonia", "Horizon", "Iris", "Janus", "Kairos", "Lumen", "Meridian",
	"Mosaic", "Nexus", "Nova", "Odyssey", "Orbis", "Pangea", "Phoenix", "Polis",
	"Prisma", "Quercus", "Sirius", "Solaris", "Synergia", "Terra", "Unity",
	"Vela", "Vista", "Zenith", "Hestia",
}

// projectSuffixes turn a coin into a project name.
var projectSuffixes = []string{"", "", " 2.0", " Plus", " Local", " Start", " Bridge", " Welcome"}

// projectName returns an upper-case project name such as "MOSAIC Plus".
func projectName(r *rng) string {
	return strings.ToUpper(pick(r, coins)) + pick(r, projectSuffixes)
}

// firstNames and lastNames are people's names per bank language; migrant
// names are mixed into every country.
var (
	firstNames = [nBankLangs][]string{
		en: {"James", "Sarah", "Michael", "Emma", "David", "Laura", "Daniel", "Rachel", "Thomas", "Hannah", "Patrick", "Siobhan"},
		fr: {"Camille", "Julien", "Sophie", "Nicolas", "Claire", "Mathieu", "Élise", "Antoine", "Manon", "Hugo", "Léa", "Karim"},
		de: {"Anna", "Lukas", "Katharina", "Jonas", "Julia", "Felix", "Lena", "Tobias", "Sabine", "Stefan", "Miriam", "Jan"},
		it: {"Giulia", "Marco", "Francesca", "Luca", "Chiara", "Matteo", "Sara", "Andrea", "Elena", "Davide", "Valentina", "Paolo"},
		es: {"Lucía", "Javier", "María", "Carlos", "Carmen", "Pablo", "Elena", "Sergio", "Laura", "Alejandro", "Marta", "Diego"},
		pl: {"Anna", "Piotr", "Katarzyna", "Tomasz", "Magdalena", "Paweł", "Agnieszka", "Michał", "Joanna", "Krzysztof", "Ewa", "Marcin"},
		nl: {"Sanne", "Daan", "Lotte", "Bram", "Eva", "Thijs", "Femke", "Ruben", "Iris", "Joost", "Anouk", "Sem"},
	}
	lastNames = [nBankLangs][]string{
		en: {"Smith", "Murphy", "Walsh", "Taylor", "Brown", "Kelly", "Wilson", "O'Brien", "Evans", "Clarke", "Byrne", "Hughes"},
		fr: {"Martin", "Bernard", "Dubois", "Lefebvre", "Moreau", "Laurent", "Girard", "Fournier", "Mercier", "Rousseau", "Lambert", "Bonnet"},
		de: {"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Hoffmann", "Schulz", "Koch", "Richter"},
		it: {"Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno", "Gallo"},
		es: {"García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Martín", "Jiménez", "Ruiz"},
		pl: {"Nowak", "Wójcik", "Kowalczyk", "Woźniak", "Mazur", "Krawczyk", "Kaczmarek", "Zając", "Król", "Wieczorek", "Wróbel", "Dudek"},
		nl: {"de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "Bos"},
	}
	migrantFirst = []string{"Amina", "Mohamed", "Fatima", "Ahmed", "Olena", "Dmytro", "Aisha", "Yusuf", "Leyla", "Mehmet", "Samira", "Ali", "Nadia", "Abdi", "Mariam", "Hamid", "Tigist", "Kwame", "Priya", "Arjun"}
	migrantLast  = []string{"Haddad", "Yılmaz", "Kaya", "Hussein", "Abdullahi", "Shevchenko", "Kovalenko", "Rahimi", "Mensah", "Diallo", "Traoré", "Nguyen", "Khan", "Ahmadi", "Osman", "Bondarenko", "Benali", "Mansour"}
)

// personName returns a first and last name for someone in bank language l;
// about a fifth are names of migrant origin.
func personName(r *rng, l int) (first, last string) {
	if r.Chance(0.2) {
		return pick(r, migrantFirst), pick(r, migrantLast)
	}
	return pick(r, firstNames[l]), pick(r, lastNames[l])
}

// asciiFold maps letters with diacritics to plain ASCII; other non-ASCII
// runes are dropped by slug.
var asciiFold = strings.NewReplacer(
	"ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss", "Ä", "Ae", "Ö", "Oe", "Ü", "Ue",
	"à", "a", "á", "a", "â", "a", "ã", "a", "å", "a", "ą", "a", "æ", "ae",
	"ç", "c", "ć", "c", "č", "c", "ď", "d", "đ", "d",
	"è", "e", "é", "e", "ê", "e", "ë", "e", "ę", "e", "ě", "e", "ė", "e",
	"ì", "i", "í", "i", "î", "i", "ï", "i", "ı", "i", "İ", "I",
	"ł", "l", "Ł", "L", "ľ", "l", "ñ", "n", "ń", "n", "ň", "n",
	"ò", "o", "ó", "o", "ô", "o", "õ", "o", "ø", "o", "ő", "o",
	"ř", "r", "ś", "s", "š", "s", "ş", "s", "ș", "s", "ť", "t", "ț", "t",
	"ù", "u", "ú", "u", "û", "u", "ů", "u", "ű", "u", "ū", "u",
	"ý", "y", "ÿ", "y", "ź", "z", "ż", "z", "ž", "z",
	"É", "E", "Á", "A", "Ó", "O", "Ś", "S", "Ż", "Z", "Š", "S", "Ž", "Z", "Č", "C",
)

// slug turns s into lower-case ASCII words joined by hyphens, at most 48 bytes.
func slug(s string) string {
	s = asciiFold.Replace(s)
	var b strings.Builder
	dash := false
	for _, c := range s {
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			b.WriteRune(c)
			dash = false
		case c >= 'A' && c <= 'Z':
			b.WriteRune(c + 'a' - 'A')
			dash = false
		case c < utf8.RuneSelf || c == '–':
			if !dash && b.Len() > 0 {
				b.WriteByte('-')
				dash = true
			}
		}
	}
	out := strings.TrimRight(b.String(), "-")
	if len(out) > 48 {
		out = strings.TrimRight(out[:48], "-")
	}
	if out == "" {
		out = "x"
	}
	return out
}
