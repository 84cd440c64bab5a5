/** Small display helpers: language names, signed means, shares, and the colours of modalities and domains. */

/** Each language's own name. */
export const LANG_NAMES: Record<string, string> = { ar: 'العربية', en: 'English', ru: 'Русский', und: '?' };

/** The direction a language is written in. */
export function dirOf(lang: string | undefined | null): 'rtl' | 'ltr' | 'auto' {
  return lang === 'ar' ? 'rtl' : lang === 'en' || lang === 'ru' ? 'ltr' : 'auto';
}

/** A signed mean intensity (+2.3, −1.0) or an en dash without one. */
export function signed(n: number | null | undefined): string {
  if (n === null || n === undefined) return '–';
  const s = Math.abs(n).toFixed(1);
  return n > 0 ? `+${s}` : n < 0 ? `−${s}` : s;
}

/** A share in [0, 1] as a whole percentage. */
export function percent(n: number | null | undefined): string {
  return n === null || n === undefined ? '–' : `${Math.round(n * 100)} %`;
}

/** Modalities in display order with their colours. */
export const MODALITY_COLOURS: Record<string, string> = {
  asserted: '#2f6f9f', future: '#8a6fb0', speculative: '#b59a3c', normative: '#4f9a8a', negated: '#a0522d',
};

/** Domains in the order of the API. */
export const DOMAINS = ['military', 'security', 'diplomatic', 'economic', 'energy', 'transport', 'humanitarian', 'rights'] as const;
/** Event types in PLOVER order. */
export const EVENT_TYPES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
] as const;
/** Modalities. */
export const MODALITIES = ['asserted', 'negated', 'future', 'speculative', 'normative'] as const;

/** Colours of the domains (charts). */
export const DOMAIN_COLOURS: Record<string, string> = {
  military: '#b23a48', security: '#e07a5f', diplomatic: '#3d5a80', economic: '#81b29a', energy: '#f2a541',
  transport: '#6d597a', humanitarian: '#2a9d8f', rights: '#8d6346',
};

/** The font stack of the page, for text drawn on canvas (charts, graph). */
export const FONT_STACK = "'Noto Sans Variable', 'Noto Sans Arabic Variable', sans-serif";

/** Colours of the blocs. */
export const BLOC_COLOURS = ['#3d5a80', '#e07a5f', '#2a9d8f', '#8a6fb0', '#f2a541', '#6d597a', '#81b29a', '#b23a48', '#4f772d', '#8d6346'];

/** The colour of a bloc. */
export function blocColour(bloc: number | null): string {
  return bloc === null ? '#9aa5b1' : BLOC_COLOURS[bloc % BLOC_COLOURS.length] ?? '#9aa5b1';
}
