#!/usr/bin/env node
/**
 * Builds and checks the actor dictionaries of Mizan.
 *
 *   node data/actors/build-actors.mjs           writes states.json from the country names of
 *                                                i18n-iso-countries merged with states.overrides.json
 *   node data/actors/build-actors.mjs --check   validates states.json, organisations.json, roles.json and leaders.json;
 *                                                prints every problem and exits 1 if there is any
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const FILES = {
  states: join(HERE, 'states.json'),
  overrides: join(HERE, 'states.overrides.json'),
  organisations: join(HERE, 'organisations.json'),
  roles: join(HERE, 'roles.json'),
  leaders: join(HERE, 'leaders.json'),
};
const LANGS = ['en', 'ar', 'ru'];
const TERM_FIELDS = ['names', 'demonyms', 'capitals', 'seats', 'cities', 'regions'];
const SECTORS = ['GOV', 'MIL', 'COP', 'SPY', 'JUD', 'LEG', 'OPP', 'REB', 'CVL', 'BUS', 'MED', 'DIP', 'ORG'];
const ORG_KINDS = ['igo', 'armed'];
const LEADER_SECTORS = ['GOV', 'MIL', 'DIP'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The 193 member states of the United Nations, as ISO 3166-1 alpha-3 codes. */
const UN_MEMBERS = `
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA BRN
BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK COD DNK DJI DMA
DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND
HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU
LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER
NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR MDA ROU RUS RWA KNA LCA VCT WSM SMR STP
SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK THA TLS TGO TON TTO
TUN TUR TKM TUV UGA UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB ZWE`.trim().split(/\s+/);
/** UN General Assembly observer states. */
const OBSERVERS = ['PSE', 'VAT'];
/** Other states coded here, with the alpha-2 code i18n-iso-countries files them under. */
const OTHERS = { XKX: 'XK', TWN: 'TW' };
/** States that must have at least three cities in every language. */
const CITY_STATES = `SYR RUS TUR ISR IRN IRQ LBN JOR SAU ARE QAT KWT BHR OMN YEM EGY LBY TUN DZA MAR SDN PSE USA
GBR FRA DEU CHN UKR ITA ESP IND PAK AFG AZE ARM GEO KAZ GRC CYP ETH SOM JPN KOR PRK BLR`.split(/\s+/);

const require = createRequire(import.meta.url);
const countries = require('i18n-iso-countries');
for (const lang of LANGS) countries.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));
const unique = (list) => [...new Set(list)];
const statusOf = (code) => (UN_MEMBERS.includes(code) ? 'member' : OBSERVERS.includes(code) ? 'observer' : 'other');

/** Splits "КНР (Китайская Народная Республика)" into both forms; drops inverted "Korea, Republic of" forms. */
function cleanBaseName(name) {
  const paren = /^(.*?)\s*\((.*)\)\s*$/.exec(name);
  const parts = paren ? [paren[1], paren[2]] : [name];
  return parts.map((s) => s.trim()).filter((s) => s && !s.includes(','));
}

/** Base names of a state in one language, straight from i18n-iso-countries. */
function baseNames(code, lang) {
  const alpha2 = OTHERS[code] ?? countries.alpha3ToAlpha2(code);
  const raw = countries.getName(alpha2, lang, { select: 'all' }) ?? [];
  return { raw, clean: raw.flatMap(cleanBaseName) };
}

/** Builds the states array from the library's names and the overrides file. */
function buildStates(overrides, problems) {
  const codes = [...UN_MEMBERS, ...OBSERVERS, ...Object.keys(OTHERS)].sort();
  return codes.map((code) => {
    const o = overrides[code] ?? {};
    for (const key of Object.keys(o)) {
      if (![...TERM_FIELDS, 'drop', 'seatSectors'].includes(key)) problems.push(`overrides ${code}: unknown field "${key}"`);
    }
    const state = { code, status: statusOf(code) };
    state.names = {};
    for (const lang of LANGS) {
      const { raw, clean } = baseNames(code, lang);
      const drop = o.drop?.[lang] ?? [];
      for (const d of drop) if (!raw.includes(d) && !clean.includes(d)) problems.push(`overrides ${code}: drop "${d}" (${lang}) is not a base name`);
      const kept = raw.filter((n) => !drop.includes(n)).flatMap(cleanBaseName).filter((n) => !drop.includes(n));
      state.names[lang] = unique([...kept, ...(o.names?.[lang] ?? [])]);
    }
    for (const field of TERM_FIELDS.slice(1)) {
      state[field] = Object.fromEntries(LANGS.map((lang) => [lang, unique(o[field]?.[lang] ?? [])]));
      if (field === 'seats' && o.seatSectors) state.seatSectors = o.seatSectors;
    }
    return state;
  });
}

/** JSON with ", " and ": " separators, on one line. */
function inline(value) {
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  if (value && typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`).join(', ')}}`;
  return JSON.stringify(value);
}

/** One state per block, one field per line: diff-friendly and readable. */
function formatStates(states) {
  const blocks = states.map((s) => {
    const lines = Object.entries(s).filter(([k]) => k !== 'code' && k !== 'status').map(([k, v]) => `   ${JSON.stringify(k)}: ${inline(v)}`);
    return `  {"code": ${JSON.stringify(s.code)}, "status": ${JSON.stringify(s.status)},\n${lines.join(',\n')}}`;
  });
  return `[\n${blocks.join(',\n')}\n]\n`;
}

/** The form two terms must not share: what a matcher that folds case, diacritics and letter variants sees. */
function normalise(term, lang) {
  let t = term.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (lang === 'ar') {
    return t.replace(/[\u064B-\u065F\u0670\u0640]/g, '').replace(/[أإآٱ]/g, 'ا').replace(/ى/g, 'ي')
      .replace(/ة/g, 'ه').replace(/ؤ/g, 'و').replace(/ئ/g, 'ي').replace(/ک/g, 'ك').replace(/ی/g, 'ي');
  }
  t = t.toLowerCase().replace(/ё/g, 'е').replace(/[’`]/g, "'").normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  if (lang === 'en') t = t.replace(/^the /, '').replace(/\./g, '');
  return t;
}

const SCRIPT = {
  en: /^[A-Za-z\u00C0-\u024F0-9 .,'’+\-()]+$/,
  ar: /^[\u0621-\u064A\u064B-\u065F\u0670 +\-]+$/,
  ru: /^[А-Яа-яЁё0-9 .,'’+\-—()«»A-Za-z]+$/,
};

/** Checks one term's shape; returns a problem string or null. */
function termProblem(term, lang) {
  if (typeof term !== 'string' || term.length === 0) return 'empty or not a string';
  if (term !== term.trim() || /\s{2,}/.test(term)) return 'untrimmed or double space';
  if (!SCRIPT[lang].test(term)) return `unexpected characters for ${lang}`;
  if (lang === 'ru' && !/[А-Яа-яЁё]/.test(term)) return 'no Cyrillic letter';
  if (lang === 'ar' && /^(وال|لل)/.test(term)) return 'starts with a clitic (وال، لل)';
  return null;
}

/** Validates the three dictionaries; returns { problems, summary }. */
function check(states, organisations, roles, overrides, leaders) {
  const problems = [];
  const owners = Object.fromEntries(LANGS.map((l) => [l, new Map()])); // normalised term -> Set of codes
  const termCount = Object.fromEntries(LANGS.map((l) => [l, 0]));
  const exempt = overrides._noDemonym ?? {};

  const addTerms = (code, field, byLang) => {
    for (const lang of LANGS) {
      const list = byLang?.[lang];
      if (!Array.isArray(list)) { problems.push(`${code} ${field}.${lang}: missing array`); continue; }
      if (new Set(list).size !== list.length) problems.push(`${code} ${field}.${lang}: duplicate entries`);
      for (const term of list) {
        const p = termProblem(term, lang);
        if (p) { problems.push(`${code} ${field}.${lang} "${term}": ${p}`); continue; }
        termCount[lang] += 1;
        const key = normalise(term, lang);
        if (!owners[lang].has(key)) owners[lang].set(key, new Map());
        owners[lang].get(key).set(code, term);
      }
    }
  };

  // States.
  const seen = new Set();
  for (const s of states) {
    if (seen.has(s.code)) problems.push(`${s.code}: duplicate code`);
    seen.add(s.code);
    const iso = s.code in OTHERS || countries.isValid(s.code);
    if (!/^[A-Z]{3}$/.test(s.code) || !iso) problems.push(`${s.code}: not an ISO 3166-1 alpha-3 code`);
    if (s.status !== statusOf(s.code)) problems.push(`${s.code}: status "${s.status}" should be "${statusOf(s.code)}"`);
    for (const field of TERM_FIELDS) addTerms(s.code, field, s[field]);
    for (const lang of LANGS) {
      if (!s.names?.[lang]?.length) problems.push(`${s.code}: no ${lang} name`);
      if (s.status === 'member' && (lang === 'en' || lang === 'ar') && !s.demonyms?.[lang]?.length && !exempt[lang]?.[s.code]) {
        problems.push(`${s.code}: no ${lang} demonym (and no _noDemonym reason in the overrides)`);
      }
      for (const d of s.demonyms?.[lang] ?? []) if (lang === 'ar' && d.startsWith('ال')) problems.push(`${s.code}: ar demonym "${d}" starts with ال`);
    }
    for (const [term, sector] of Object.entries(s.seatSectors ?? {})) {
      if (!LANGS.some((l) => s.seats?.[l]?.includes(term))) problems.push(`${s.code}: seatSectors "${term}" is not a seat`);
      if (!SECTORS.includes(sector)) problems.push(`${s.code}: seatSectors "${term}" has unknown sector ${sector}`);
    }
  }
  for (const code of [...UN_MEMBERS, ...OBSERVERS, ...Object.keys(OTHERS)]) if (!seen.has(code)) problems.push(`${code}: missing from states.json`);
  for (const [lang, map] of Object.entries(exempt)) {
    for (const code of Object.keys(map)) {
      if (states.find((s) => s.code === code)?.demonyms?.[lang]?.length) problems.push(`${code}: has a ${lang} demonym but is listed in _noDemonym`);
    }
  }
  for (const code of CITY_STATES) {
    const s = states.find((x) => x.code === code);
    for (const lang of LANGS) if ((s?.cities?.[lang]?.length ?? 0) < 3) problems.push(`${code}: fewer than 3 ${lang} cities`);
  }

  // Organisations.
  for (const o of organisations) {
    if (seen.has(o.code)) problems.push(`${o.code}: duplicate code`);
    seen.add(o.code);
    if (!/^[A-Z]{2,8}$/.test(o.code)) problems.push(`${o.code}: bad organisation code`);
    if (!ORG_KINDS.includes(o.kind)) problems.push(`${o.code}: kind "${o.kind}" is not one of ${ORG_KINDS.join(', ')}`);
    for (const key of Object.keys(o)) if (!['code', 'kind', 'names', 'demonyms', 'members'].includes(key)) problems.push(`${o.code}: unknown field "${key}"`);
    addTerms(o.code, 'names', o.names);
    if (o.demonyms) addTerms(o.code, 'demonyms', o.demonyms);
    for (const lang of LANGS) if (!o.names?.[lang]?.length) problems.push(`${o.code}: no ${lang} name`);
    for (const m of o.members ?? []) if (!states.some((s) => s.code === m)) problems.push(`${o.code}: member ${m} is not a state code`);
    if (o.members && new Set(o.members).size !== o.members.length) problems.push(`${o.code}: duplicate members`);
  }

  // Office-holders: a known code, a sector, dated offices, names in every language.
  for (const [i, p] of (leaders?.leaders ?? []).entries()) {
    const who = `leaders[${i}] ${p.names?.en?.[0] ?? ''}`;
    for (const key of Object.keys(p)) if (!['code', 'sector', 'offices', 'names'].includes(key)) problems.push(`${who}: unknown field "${key}"`);
    if (!seen.has(p.code)) problems.push(`${who}: code ${p.code} is not a state or organisation`);
    if (!LEADER_SECTORS.includes(p.sector)) problems.push(`${who}: sector ${p.sector} is not one of ${LEADER_SECTORS.join(', ')}`);
    if (!Array.isArray(p.offices) || p.offices.length === 0) problems.push(`${who}: no offices`);
    for (const o of p.offices ?? []) {
      if (typeof o.office !== 'string' || !o.office) problems.push(`${who}: an office without a name`);
      if (!ISO_DATE.test(o.from ?? '') || Number.isNaN(Date.parse(o.from))) problems.push(`${who}: ${o.office} has a bad from date "${o.from}"`);
      if (o.to !== null && (!ISO_DATE.test(o.to ?? '') || Number.isNaN(Date.parse(o.to)) || o.to < o.from)) problems.push(`${who}: ${o.office} has a bad to date "${o.to}"`);
    }
    addTerms(p.code, 'leader', p.names);
    for (const lang of LANGS) if (!p.names?.[lang]?.length) problems.push(`${who}: no ${lang} name`);
  }
  for (const lang of LANGS) {
    for (const term of leaders?._blockers?.[lang] ?? []) {
      const p = termProblem(term, lang);
      if (p) problems.push(`leaders _blockers.${lang} "${term}": ${p}`);
    }
  }

  // One term, one actor.
  let conflicts = 0;
  for (const lang of LANGS) {
    for (const [key, byCode] of owners[lang]) {
      if (byCode.size > 1) {
        conflicts += 1;
        problems.push(`conflict (${lang}) "${key}": ${[...byCode].map(([c, t]) => `${c} "${t}"`).join(', ')}`);
      }
    }
  }

  // Roles.
  for (const lang of LANGS) {
    const list = roles[lang];
    if (!Array.isArray(list)) { problems.push(`roles.${lang}: missing array`); continue; }
    const mine = new Map();
    for (const r of list) {
      const p = termProblem(r.term, lang);
      if (p) { problems.push(`roles.${lang} "${r.term}": ${p}`); continue; }
      if (!SECTORS.includes(r.sector)) problems.push(`roles.${lang} "${r.term}": unknown sector ${r.sector}`);
      const key = normalise(r.term, lang);
      if (mine.has(key)) problems.push(`roles.${lang} "${r.term}": listed twice`);
      mine.set(key, r.sector);
      if (owners[lang].has(key)) problems.push(`roles.${lang} "${r.term}": also an actor term of ${[...owners[lang].get(key).keys()].join(', ')}`);
    }
  }

  // Blockers: phrases a matcher consumes before the actor terms.
  for (const lang of LANGS) {
    for (const term of overrides._blockers?.[lang] ?? []) {
      const p = termProblem(term, lang);
      if (p) problems.push(`_blockers.${lang} "${term}": ${p}`);
      else if (owners[lang].has(normalise(term, lang))) problems.push(`_blockers.${lang} "${term}": is itself an actor term`);
    }
  }

  const byStatus = (st) => states.filter((s) => s.status === st).length;
  const byKind = (k) => organisations.filter((o) => o.kind === k).length;
  const summary = `actors: ${states.length} states (${byStatus('member')} members, ${byStatus('observer')} observers, ${byStatus('other')} other), `
    + `${organisations.length} organisations (${byKind('igo')} igo, ${byKind('armed')} armed); `
    + `${leaders?.leaders?.length ?? 0} office-holders; `
    + `roles en ${roles.en?.length ?? 0} / ar ${roles.ar?.length ?? 0} / ru ${roles.ru?.length ?? 0}; `
    + `actor terms en ${termCount.en} / ar ${termCount.ar} / ru ${termCount.ru}; `
    + `${(overrides._omitted ?? []).length} documented omissions; ${conflicts} conflicts; ${problems.length} problems`;
  return { problems, summary };
}

function main() {
  const overrides = readJson(FILES.overrides);
  if (process.argv.includes('--check')) {
    const { problems, summary } = check(readJson(FILES.states), readJson(FILES.organisations), readJson(FILES.roles), overrides, readJson(FILES.leaders));
    for (const p of problems) console.error(p);
    console.log(summary);
    process.exitCode = problems.length ? 1 : 0;
    return;
  }
  const problems = [];
  const states = buildStates(overrides, problems);
  for (const p of problems) console.error(p);
  if (problems.length) { process.exitCode = 1; return; }
  writeFileSync(FILES.states, formatStates(states));
  console.log(`wrote ${states.length} states to ${FILES.states}`);
}

main();
