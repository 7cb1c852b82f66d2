// Interface strings of the partner-request board in English, French and German.
// Requests and replies keep the language they were written in.
/** LANGS are the interface languages. */
export const LANGS = ['en', 'fr', 'de'];

/** TYPES are the kinds of organisation, as the API names them. */
export const TYPES = ['CIVIL_SOCIETY', 'LOCAL_AUTHORITY', 'REGIONAL_AUTHORITY', 'NATIONAL_GOVERNMENT', 'EU_INSTITUTION',
  'INTERNATIONAL_ORGANISATION', 'ACADEMIA', 'BUSINESS', 'FOUNDATION', 'SOCIAL_PARTNER', 'MIGRANT_ASSOCIATION'];

const TYPE_NAMES = {
  en: ['Civil society', 'Local authority', 'Regional authority', 'National government', 'EU institution',
    'International organisation', 'Academia', 'Business', 'Foundation', 'Social partner', 'Migrant association'],
  fr: ['Société civile', 'Autorité locale', 'Autorité régionale', 'Gouvernement national', 'Institution de l’UE',
    'Organisation internationale', 'Monde académique', 'Entreprise', 'Fondation', 'Partenaire social', 'Association de migrants'],
  de: ['Zivilgesellschaft', 'Kommune', 'Region', 'Nationale Regierung', 'EU-Institution',
    'Internationale Organisation', 'Wissenschaft', 'Unternehmen', 'Stiftung', 'Sozialpartner', 'Migrantenorganisation'],
};

export const STRINGS = {
  en: {
    title: 'Partner requests', skip: 'Skip to the requests', language: 'Language', map: 'Map of good practices',
    intro: 'Organisations look for project partners here. Reply with a structured answer; contact details are exchanged only when both sides agree.',
    filters: 'Filters', theme: 'Theme', country: 'Country sought', kind: 'Kind of organisation sought', status: 'Status', order: 'Order',
    any: 'Any', st_OPEN: 'Open', st_CLOSED: 'Closed', st_EXPIRED: 'Past closing date', newest: 'Newest first', closingSoon: 'Closing soonest',
    count: (n) => `${n} requests`, more: 'More requests', none: 'No request matches these filters.', post: 'Post a request',
    back: 'Back to the board', loading: 'Loading…', error: 'Something went wrong: ', demo: 'Demo', demoNote: 'Invented demo content: nobody can manage or answer it for real.',
    by: 'Posted by', closes: 'Closes on', themes: 'Themes', subthemes: 'Subthemes', countries: 'Countries sought', anywhere: 'Anywhere',
    kinds: 'Kinds sought', anyKind: 'Any kind', languages: 'Project languages', funding: 'Funding call', replies: 'Replies', outcome: 'Outcome',
    noReplies: 'No reply yet.',
    // post form
    postTitle: 'Post a partner request', organisation: 'Your organisation', orgHelp: 'Type a few letters of its name and pick it from the list.',
    projectTitle: 'Project idea (title)', description: 'Description', lang: 'Language of the request', subtheme: 'Subtheme',
    countriesField: 'Countries where you seek partners (none: anywhere)', kindsField: 'Kinds of organisation sought (none: any)',
    languagesField: 'Project languages (codes, comma-separated, e.g. fr, en)', fundingField: 'Funding call id (optional, funding:…)',
    closesField: 'Closing date (within a year)', contactName: 'Contact name', contactEmail: 'Contact email',
    private: 'Private: shown to a replier only after you both agree to share contacts.', submit: 'Post the request', sending: 'Sending…',
    keyTitle: 'Your manage key', keyWarning: 'Keep this key: it is shown only once, and it is the only way to manage your request (see replies, shortlist, close). This browser remembers it too.',
    open: 'Open your request',
    // reply
    replyTitle: 'Reply to this request', fit: 'Why this fits', offer: 'What you bring', replyLang: 'Language of your reply',
    sendReply: 'Send the reply', replyKeyTitle: 'Your reply key', replyKeyWarning: 'Keep this key: it is shown only once, and you need it to follow your reply and agree to share contacts. This browser remembers it too.',
    closedNote: 'This request takes no more replies.',
    // manage
    manageTitle: 'Manage your request', haveKey: 'I posted this request: enter the manage key', manageKey: 'Manage key', unlock: 'Open',
    suggestions: 'Suggested organisations', noSuggestions: 'No suggestion.', shortlist: 'Shortlist', decline: 'Decline with thanks',
    declineMsg: 'Message of thanks (optional)', rs_RECEIVED: 'Received', rs_SHORTLISTED: 'Shortlisted', rs_DECLINED: 'Declined with thanks',
    share: 'Agree to share contact', youAgreed: 'You agreed to share contacts.', theyAgreed: 'The other side agreed to share contacts.',
    waiting: 'Contacts appear when both sides agree.', contact: 'Contact', closeTitle: 'Close the request',
    closeHelp: 'Every reply not shortlisted is declined with thanks. The request stays readable.', closeBtn: 'Close the request',
    myReply: 'Your reply', haveReplyKey: 'I replied: enter the reply id and key', replyId: 'Reply id', replyKey: 'Reply key',
    posterMsg: 'Message from the poster', reasons: 'Why',
  },
  fr: {
    title: 'Recherches de partenaires', skip: 'Aller aux demandes', language: 'Langue', map: 'Carte des bonnes pratiques',
    intro: 'Des organisations cherchent ici des partenaires de projet. Répondez de façon structurée ; les coordonnées ne sont échangées que si les deux parties l’acceptent.',
    filters: 'Filtres', theme: 'Thème', country: 'Pays recherché', kind: 'Type d’organisation recherché', status: 'État', order: 'Ordre',
    any: 'Tous', st_OPEN: 'Ouverte', st_CLOSED: 'Clôturée', st_EXPIRED: 'Date limite passée', newest: 'Plus récentes', closingSoon: 'Date limite la plus proche',
    count: (n) => `${n} demandes`, more: 'Plus de demandes', none: 'Aucune demande ne correspond à ces filtres.', post: 'Publier une demande',
    back: 'Retour au tableau', loading: 'Chargement…', error: 'Une erreur est survenue : ', demo: 'Démo', demoNote: 'Contenu de démonstration inventé : personne ne peut le gérer ni y répondre réellement.',
    by: 'Publiée par', closes: 'Date limite', themes: 'Thèmes', subthemes: 'Sous-thèmes', countries: 'Pays recherchés', anywhere: 'Partout',
    kinds: 'Types recherchés', anyKind: 'Tout type', languages: 'Langues du projet', funding: 'Appel de financement', replies: 'Réponses', outcome: 'Résultat',
    noReplies: 'Aucune réponse pour l’instant.',
    postTitle: 'Publier une recherche de partenaires', organisation: 'Votre organisation', orgHelp: 'Tapez quelques lettres de son nom et choisissez-la dans la liste.',
    projectTitle: 'Idée de projet (titre)', description: 'Description', lang: 'Langue de la demande', subtheme: 'Sous-thème',
    countriesField: 'Pays où vous cherchez des partenaires (aucun : partout)', kindsField: 'Types d’organisation recherchés (aucun : tous)',
    languagesField: 'Langues du projet (codes séparés par des virgules, ex. fr, en)', fundingField: 'Identifiant de l’appel (facultatif, funding:…)',
    closesField: 'Date limite (dans l’année)', contactName: 'Nom du contact', contactEmail: 'Courriel du contact',
    private: 'Privé : montré à une personne qui répond seulement quand vous acceptez tous deux d’échanger vos coordonnées.', submit: 'Publier la demande', sending: 'Envoi…',
    keyTitle: 'Votre clé de gestion', keyWarning: 'Gardez cette clé : elle n’est montrée qu’une fois et c’est le seul moyen de gérer votre demande (réponses, présélection, clôture). Ce navigateur la garde aussi.',
    open: 'Ouvrir votre demande',
    replyTitle: 'Répondre à cette demande', fit: 'Pourquoi cela correspond', offer: 'Ce que vous apportez', replyLang: 'Langue de votre réponse',
    sendReply: 'Envoyer la réponse', replyKeyTitle: 'Votre clé de réponse', replyKeyWarning: 'Gardez cette clé : elle n’est montrée qu’une fois ; elle sert à suivre votre réponse et à accepter l’échange de coordonnées. Ce navigateur la garde aussi.',
    closedNote: 'Cette demande ne prend plus de réponses.',
    manageTitle: 'Gérer votre demande', haveKey: 'J’ai publié cette demande : saisir la clé de gestion', manageKey: 'Clé de gestion', unlock: 'Ouvrir',
    suggestions: 'Organisations suggérées', noSuggestions: 'Aucune suggestion.', shortlist: 'Présélectionner', decline: 'Décliner avec remerciements',
    declineMsg: 'Message de remerciement (facultatif)', rs_RECEIVED: 'Reçue', rs_SHORTLISTED: 'Présélectionnée', rs_DECLINED: 'Déclinée avec remerciements',
    share: 'Accepter d’échanger les coordonnées', youAgreed: 'Vous avez accepté d’échanger vos coordonnées.', theyAgreed: 'L’autre partie a accepté d’échanger ses coordonnées.',
    waiting: 'Les coordonnées apparaissent quand les deux parties ont accepté.', contact: 'Contact', closeTitle: 'Clôturer la demande',
    closeHelp: 'Chaque réponse non présélectionnée est déclinée avec remerciements. La demande reste lisible.', closeBtn: 'Clôturer la demande',
    myReply: 'Votre réponse', haveReplyKey: 'J’ai répondu : saisir l’identifiant et la clé de la réponse', replyId: 'Identifiant de la réponse', replyKey: 'Clé de réponse',
    posterMsg: 'Message de l’auteur de la demande', reasons: 'Pourquoi',
  },
  de: {
    title: 'Partnersuche', skip: 'Zu den Gesuchen springen', language: 'Sprache', map: 'Karte guter Praxis',
    intro: 'Hier suchen Organisationen Projektpartner. Antworten Sie strukturiert; Kontaktdaten werden erst ausgetauscht, wenn beide Seiten zustimmen.',
    filters: 'Filter', theme: 'Thema', country: 'Gesuchtes Land', kind: 'Gesuchte Art von Organisation', status: 'Status', order: 'Reihenfolge',
    any: 'Alle', st_OPEN: 'Offen', st_CLOSED: 'Geschlossen', st_EXPIRED: 'Frist abgelaufen', newest: 'Neueste zuerst', closingSoon: 'Frist zuerst',
    count: (n) => `${n} Gesuche`, more: 'Weitere Gesuche', none: 'Kein Gesuch passt zu diesen Filtern.', post: 'Gesuch veröffentlichen',
    back: 'Zurück zur Übersicht', loading: 'Wird geladen…', error: 'Etwas ist schiefgegangen: ', demo: 'Demo', demoNote: 'Erfundene Demo-Inhalte: niemand kann sie wirklich verwalten oder beantworten.',
    by: 'Veröffentlicht von', closes: 'Frist', themes: 'Themen', subthemes: 'Unterthemen', countries: 'Gesuchte Länder', anywhere: 'Überall',
    kinds: 'Gesuchte Arten', anyKind: 'Jede Art', languages: 'Projektsprachen', funding: 'Förderaufruf', replies: 'Antworten', outcome: 'Ergebnis',
    noReplies: 'Noch keine Antwort.',
    postTitle: 'Partnergesuch veröffentlichen', organisation: 'Ihre Organisation', orgHelp: 'Tippen Sie einige Buchstaben des Namens und wählen Sie aus der Liste.',
    projectTitle: 'Projektidee (Titel)', description: 'Beschreibung', lang: 'Sprache des Gesuchs', subtheme: 'Unterthema',
    countriesField: 'Länder, in denen Sie Partner suchen (keine: überall)', kindsField: 'Gesuchte Arten von Organisation (keine: alle)',
    languagesField: 'Projektsprachen (Codes mit Komma, z. B. de, en)', fundingField: 'Kennung des Förderaufrufs (optional, funding:…)',
    closesField: 'Frist (innerhalb eines Jahres)', contactName: 'Name der Kontaktperson', contactEmail: 'E-Mail der Kontaktperson',
    private: 'Privat: wird einer antwortenden Organisation erst gezeigt, wenn Sie beide dem Austausch zustimmen.', submit: 'Gesuch veröffentlichen', sending: 'Wird gesendet…',
    keyTitle: 'Ihr Verwaltungsschlüssel', keyWarning: 'Bewahren Sie diesen Schlüssel auf: er wird nur einmal gezeigt und ist der einzige Weg, Ihr Gesuch zu verwalten (Antworten, Vorauswahl, Abschluss). Dieser Browser merkt ihn sich auch.',
    open: 'Ihr Gesuch öffnen',
    replyTitle: 'Auf dieses Gesuch antworten', fit: 'Warum es passt', offer: 'Was Sie einbringen', replyLang: 'Sprache Ihrer Antwort',
    sendReply: 'Antwort senden', replyKeyTitle: 'Ihr Antwortschlüssel', replyKeyWarning: 'Bewahren Sie diesen Schlüssel auf: er wird nur einmal gezeigt; Sie brauchen ihn, um Ihre Antwort zu verfolgen und dem Kontaktaustausch zuzustimmen. Dieser Browser merkt ihn sich auch.',
    closedNote: 'Dieses Gesuch nimmt keine Antworten mehr an.',
    manageTitle: 'Ihr Gesuch verwalten', haveKey: 'Ich habe dieses Gesuch veröffentlicht: Verwaltungsschlüssel eingeben', manageKey: 'Verwaltungsschlüssel', unlock: 'Öffnen',
    suggestions: 'Vorgeschlagene Organisationen', noSuggestions: 'Kein Vorschlag.', shortlist: 'Vormerken', decline: 'Mit Dank ablehnen',
    declineMsg: 'Dankesnachricht (optional)', rs_RECEIVED: 'Eingegangen', rs_SHORTLISTED: 'Vorgemerkt', rs_DECLINED: 'Mit Dank abgelehnt',
    share: 'Kontaktaustausch zustimmen', youAgreed: 'Sie haben dem Kontaktaustausch zugestimmt.', theyAgreed: 'Die andere Seite hat dem Kontaktaustausch zugestimmt.',
    waiting: 'Kontaktdaten erscheinen, wenn beide Seiten zugestimmt haben.', contact: 'Kontakt', closeTitle: 'Gesuch schließen',
    closeHelp: 'Jede nicht vorgemerkte Antwort wird mit Dank abgelehnt. Das Gesuch bleibt lesbar.', closeBtn: 'Gesuch schließen',
    myReply: 'Ihre Antwort', haveReplyKey: 'Ich habe geantwortet: Kennung und Schlüssel der Antwort eingeben', replyId: 'Kennung der Antwort', replyKey: 'Antwortschlüssel',
    posterMsg: 'Nachricht der veröffentlichenden Organisation', reasons: 'Warum',
  },
};

/** t returns the string key in lang, calling it with args when it is a function. */
export function t(lang, key, ...args) {
  const v = STRINGS[lang]?.[key] ?? STRINGS.en[key] ?? key;
  return typeof v === 'function' ? v(...args) : v;
}

/** typeName names a kind of organisation in lang. */
export function typeName(lang, type) {
  const i = TYPES.indexOf(type);
  return (TYPE_NAMES[lang] || TYPE_NAMES.en)[i] ?? type;
}
