/** `mizan explain`: show how one text was read — sentences, actors, roles, cues, triggers and events. */
import type { Command } from 'commander';
import { MizanError } from '../../core/errors.js';
import type { Lang } from '../../core/types.js';
import { eventTokenKeys } from '../../events/keys.js';
import { eventLexicon } from '../../events/lexicon.js';
import { analyse } from '../../events/structure.js';
import { createPipeline } from '../../pipeline/pipeline.js';

/** Register the command. */
export function registerExplain(program: Command): void {
  program
    .command('explain')
    .description('show how a text is read: actors, cues, triggers, clauses and the events coded')
    .argument('<text>', 'the text to explain')
    .option('--lang <lang>', 'ar | en | ru (detected when absent)')
    .action(async (text: string, opts: { lang?: string }) => {
      if (opts.lang !== undefined && !['ar', 'en', 'ru'].includes(opts.lang)) throw new MizanError('MIZAN_E_USAGE', '--lang must be ar, en or ru');
      const pipeline = await createPipeline();
      const doc = pipeline.analyse(opts.lang ? { id: 'explain', text, lang: opts.lang as Lang } : { id: 'explain', text });
      const out: string[] = [`lang: ${doc.lang}`];
      const lang = doc.lang === 'und' ? 'en' : doc.lang;
      for (const s of doc.sentences) {
        out.push(`\nsentence [${s.start}, ${s.end}): ${text.slice(s.start, s.end)}`);
        const st = analyse(s.tokens, s.mentions, eventLexicon(lang), (k) => (k >= 0 && k < s.tokens.length ? eventTokenKeys(s.tokens[k]!) : []), s.roles);
        out.push(`  tokens: ${s.tokens.map((t, i) => `${i}:${t.norm}${st.cueAt[i] ? `/${st.cueAt[i]}` : ''}@${st.clauseOf[i]}`).join(' ')}`);
        for (const g of st.groups) {
          out.push(`  group [${g.start},${g.end}) ${g.governor}: ${g.members.map((m) => `${m.code}${m.sector ? `/${m.sector}` : ''} (${m.via}${m.role ? `, ${m.role}` : ''})`).join(' + ')}`);
        }
        for (const r of s.roles) out.push(`  role [${r.start},${r.end}) ${r.term} ${r.sector} (no actor)`);
        for (const t of st.triggers) out.push(`  trigger [${t.start},${t.end}) ${t.value.entry.type}${t.value.entry.mode ? `/${t.value.entry.mode}` : ''} ${t.value.pos}${t.value.present ? ' present' : ''}`);
        for (const e of s.events) out.push(`  EVENT ${e.source} -> ${e.target} ${e.type} ${e.modality} [${e.domains.join(', ')}] rule=${e.rule} trigger="${e.trigger}"`);
      }
      process.stdout.write(`${out.join('\n')}\n`);
    });
}
