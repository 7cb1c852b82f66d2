// The marker of each kind: a shape as well as a colour, so that kinds differ for
// people who do not tell the colours apart; the same drawing is used on the map
// and in the legend. Clusters are dark grey discs with their count, distinct
// from every kind and from the choropleth's colours.
const NS = 'http://www.w3.org/2000/svg';

// kind: [shape, fill]
export const KIND_STYLE = {
  LOCAL_AUTHORITY: ['circle', '#00704a'],
  REGIONAL_AUTHORITY: ['square', '#005a78'],
  ORGANISATION: ['diamond', '#7a3e9d'],
  PRACTICE: ['triangle', '#b3261e'],
  EVENT: ['star', '#7a5c00'],
};

const SHAPES = {
  circle: (s) => ['circle', { cx: s / 2, cy: s / 2, r: s / 2 - 2 }],
  square: (s) => ['rect', { x: 3, y: 3, width: s - 6, height: s - 6, rx: 2 }],
  diamond: (s) => ['polygon', { points: `${s / 2},1.5 ${s - 1.5},${s / 2} ${s / 2},${s - 1.5} 1.5,${s / 2}` }],
  triangle: (s) => ['polygon', { points: `${s / 2},1.5 ${s - 1.5},${s - 3} 1.5,${s - 3}` }],
  star: (s) => {
    const pts = [];
    for (let i = 0; i < 10; i++) {
      const r = i % 2 ? s * 0.22 : s / 2 - 1;
      const a = -Math.PI / 2 + (i * Math.PI) / 5;
      pts.push(`${(s / 2 + r * Math.cos(a)).toFixed(1)},${(s / 2 + 1 + r * Math.sin(a)).toFixed(1)}`);
    }
    return ['polygon', { points: pts.join(' ') }];
  },
};

/** kindSymbol returns an SVG drawing of kind's marker, size pixels wide; demo
content gets a dashed outline. */
export function kindSymbol(kind, size = 24, demo = false) {
  const [shape, fill] = KIND_STYLE[kind] || KIND_STYLE.PRACTICE;
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('width', size);
  svg.setAttribute('height', size);
  svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.classList.add('kind-symbol', `shape-${shape}`);
  const [tag, attrs] = SHAPES[shape](size);
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.setAttribute('fill', fill);
  el.setAttribute('stroke', demo ? '#ffd08a' : '#fff');
  el.setAttribute('stroke-width', '2');
  if (demo) el.setAttribute('stroke-dasharray', '3 2');
  svg.append(el);
  return svg;
}

/** clusterSymbol returns the element of a cluster of count points. */
export function clusterSymbol(count, size) {
  const el = document.createElement('div');
  el.className = 'm cluster';
  el.style.width = `${size}px`;
  el.style.height = `${size}px`;
  el.textContent = count;
  return el;
}
