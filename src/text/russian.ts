/** Russian inflection helpers: a name or adjective matched through its case and gender endings. */

/** Endings a Russian noun or adjective takes in its cases, genders and numbers. */
export const RU_ENDINGS = [
  '', 'а', 'я', 'у', 'ю', 'о', 'е', 'и', 'ы', 'ь', 'й', 'ом', 'ем', 'ём', 'ой', 'ей', 'ою', 'ею', 'ам', 'ям', 'ами', 'ями',
  'ах', 'ях', 'ов', 'ев', 'ий', 'ый', 'ой', 'ая', 'яя', 'ое', 'ее', 'ые', 'ие', 'ую', 'юю', 'ого', 'его', 'ому', 'ему',
  'им', 'ым', 'их', 'ых', 'ими', 'ыми', 'ию', 'ия', 'ии', 'ией', 'ий', 'ца', 'цу', 'цем', 'це', 'цы', 'цев', 'цам', 'цами', 'цах',
];
const ENDING_SET = new Set(RU_ENDINGS);
const MAX_ENDING = Math.max(...RU_ENDINGS.map((e) => e.length));

const ADJ = /(?:ий|ый|ой|ая|яя|ое|ее|ые|ие)$/u;

/**
 * The base of a Russian dictionary word for inflected matching: adjectives lose their ending
 * (сирийский -> сирийск), nouns their final vowel, ь or й (Сирия -> сири, Москва -> москв,
 * Израиль -> израил); -ец person nouns lose -ец (сириец -> сири). Words of three letters or fewer
 * are matched exactly and keep their form.
 */
export function russianBase(word: string): string {
  if (word.length <= 3) return word;
  if (word.length > 5 && ADJ.test(word)) return word.slice(0, -2);
  if (word.endsWith('ец') && word.length > 5) return word.slice(0, -2);
  if (/[аяоеьйыи]$/u.test(word)) return word.slice(0, -1);
  return word;
}

/** Every base a Russian token could come from: the token itself and the token minus each known ending. */
export function russianCandidateBases(token: string): string[] {
  const out = [token];
  const max = Math.min(MAX_ENDING, token.length - 3);
  for (let k = 1; k <= max; k++) {
    const ending = token.slice(token.length - k);
    if (ENDING_SET.has(ending)) out.push(token.slice(0, token.length - k));
  }
  return out;
}
