/** Arabic word-form generation for dictionaries: nisba adjectives, verb paradigms, verbal nouns. */

/** The forms of a nisba adjective (سوري): feminine, dual, plural, all normalized (ة written ه). */
export function nisbaForms(base: string): string[] {
  const b = base.endsWith('ي') ? base : `${base}ي`;
  return [b, `${b}ه`, `${b}ان`, `${b}ين`, `${b}ون`, `${b}ات`, `${b}تان`, `${b}تين`, `${b}ا`];
}

const OBJECT_SUFFIXES = ['', 'ه', 'ها', 'هم', 'هما', 'هن', 'كم', 'نا'];

/** Forms of a past-tense verb given its 3rd person masculine singular (normalized). */
export function pastForms(past: string): string[] {
  const stems = [past, `${past}ت`, `${past}ا`, `${past}تا`, `${past}وا`, `${past}ن`, `${past}نا`, `${past}تم`];
  // Weak final radical (دعا، رمى -> normalized دعا، رمي): dual/plural drop it.
  if (/[اي]$/u.test(past)) {
    const root = past.slice(0, -1);
    stems.push(`${root}ت`, `${root}وا`, `${root}يا`, `${root}وت`);
  }
  const out: string[] = [];
  for (const s of stems) {
    for (const suf of OBJECT_SUFFIXES) out.push(s.endsWith('وا') && suf ? `${s.slice(0, -1)}${suf}` : `${s}${suf}`);
  }
  return out;
}

/** Forms of a present-tense verb given its 3rd person masculine singular starting with ي (normalized). */
export function presentForms(present: string): string[] {
  const stem = present.startsWith('ي') ? present.slice(1) : present;
  const out: string[] = [];
  const bases: string[] = [];
  // Third person (ي ت) and "we" (ن); the first person singular (أ) is left out: it collides with nouns (أصل).
  for (const p of ['ي', 'ت', 'ن']) {
    bases.push(`${p}${stem}`, `${p}${stem}ان`, `${p}${stem}ون`, `${p}${stem}ين`, `${p}${stem}وا`, `${p}${stem}ن`, `${p}${stem}ا`);
    // Weak final radical (يدعو، يرمي): plural drops it, and so does the jussive (لم يلتق).
    if (/[وي]$/u.test(stem)) bases.push(`${p}${stem.slice(0, -1)}ون`, `${p}${stem.slice(0, -1)}ان`, `${p}${stem.slice(0, -1)}`, `${p}${stem.slice(0, -1)}يا`);
  }
  for (const b of bases) for (const suf of OBJECT_SUFFIXES) out.push(`${b}${suf}`);
  return out;
}

/** A generated noun form, marked when it carries a possessive pronoun (زيارته: his visit). */
export interface NounForm {
  form: string;
  possessive: boolean;
}

/** Forms of a verbal noun or noun (normalized): plural, dual, accusative, possessive suffixes (زياره -> زيارته). */
export function nounFormsTagged(noun: string): NounForm[] {
  const bare = noun.endsWith('ه') ? noun.slice(0, -1) : noun;
  const construct = noun.endsWith('ه') ? `${bare}ت` : noun;
  const plain = [noun, `${bare}ات`, `${construct}ان`, `${construct}ين`];
  if (!noun.endsWith('ه')) plain.push(`${noun}ات`, `${noun}ا`);
  const out: NounForm[] = plain.map((form) => ({ form, possessive: false }));
  // A final hamza takes a seat before a suffix: لقاء -> لقائه (normalized لقايه), لقاؤه (لقاوه).
  const constructs = construct.endsWith('اء') ? [construct, `${construct.slice(0, -1)}ي`, `${construct.slice(0, -1)}و`] : [construct];
  for (const suf of ['ه', 'ها', 'هم', 'هما', 'هن', 'كم', 'نا', 'ي']) {
    for (const c of constructs) out.push({ form: `${c}${suf}`, possessive: true });
    out.push({ form: `${bare}ات${suf}`, possessive: true });
  }
  return out;
}

/** Forms of a verbal noun or noun (normalized), see {@link nounFormsTagged}. */
export function nounForms(noun: string): string[] {
  return nounFormsTagged(noun).map((f) => f.form);
}

/**
 * True when a normalized Arabic word is written with the article: ال after an optional و or ف and ب or ك
 * ("والدفاع", "بالآونة"), or لل, where ل takes the article and its alef falls ("للفترة").
 */
export function writtenWithArticle(word: string): boolean {
  return /^[وف]?[بك]?ال/u.test(word) || /^[وف]?لل/u.test(word);
}
