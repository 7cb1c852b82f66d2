// The about page: what EWSI Graph is, in the three interface languages.
import { h } from '../map/dom.js';
import { startPage } from '../common/page.js';
import { withLang } from '../common/lang.js';

const TEXT = {
  en: {
    intro: 'The European Web Site on Integration as a knowledge graph: good practices, organisations, local and regional authorities, documents, news, events and funding on integration across Europe.',
    map: 'The map of local and regional authorities’ good practices', partners: 'Find project partners',
    api: 'Explore it with GraphQL:', endpoint: 'endpoint', demo: 'Content marked “demo” is generated demo content, not real.',
  },
  fr: {
    intro: 'Le Site web européen sur l’intégration sous forme de graphe de connaissances : bonnes pratiques, organisations, autorités locales et régionales, documents, actualités, événements et financements sur l’intégration en Europe.',
    map: 'La carte des bonnes pratiques des autorités locales et régionales', partners: 'Trouver des partenaires de projet',
    api: 'Explorez-le avec GraphQL :', endpoint: 'point d’accès', demo: 'Le contenu marqué « démo » est un contenu de démonstration généré, non réel.',
  },
  de: {
    intro: 'Die Europäische Website für Integration als Wissensgraph: gute Praxis, Organisationen, Kommunen und Regionen, Dokumente, Nachrichten, Veranstaltungen und Förderung zur Integration in Europa.',
    map: 'Die Karte guter Praxis von Kommunen und Regionen', partners: 'Projektpartner finden',
    api: 'Mit GraphQL erkunden:', endpoint: 'Endpunkt', demo: 'Als „Demo“ markierte Inhalte sind erzeugte Demo-Inhalte, nicht echt.',
  },
};

startPage('about', (ui) => {
  const x = TEXT[ui];
  document.title = 'EWSI Graph';
  document.getElementById('main').replaceChildren(h('h1', {}, 'EWSI Graph'), h('p', {}, x.intro),
    h('ul', {}, h('li', {}, h('a', { href: withLang('/', ui) }, x.map)), h('li', {}, h('a', { href: withLang('/partners.html', ui) }, x.partners))),
    h('p', {}, x.api, ' ', h('a', { href: '/graphiql' }, 'GraphiQL'), ` · ${x.endpoint} `, h('code', {}, '/graphql'), '. ', x.demo));
});
