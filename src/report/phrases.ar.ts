/** The brief in Arabic (Modern Standard Arabic, as an analyst note in the regional press would put it). */
import type { Domain, EventType } from '../core/types.js';
import { AR_NOUNS, arCount, formatDate, formatPercent, formatSigned, joinList, ltr } from './format.js';
import type { FactFigures, Phrases, TieFigures } from './phrases.js';

/** Each domain as a section title, which also follows "في" in running text. */
const DOMAIN: Record<Domain, string> = {
  military: 'المجال العسكري', security: 'المجال الأمني', diplomatic: 'المجال الدبلوماسي', economic: 'المجال الاقتصادي',
  energy: 'مجال الطاقة', transport: 'مجال النقل', humanitarian: 'المجال الإنساني', rights: 'مجال الحقوق والعدالة',
};

/** Each event type as a plural heading, followed by its count in brackets. */
const TYPE: Record<EventType, string> = {
  AGREE: 'اتفاقات', CONSULT: 'مشاورات وزيارات', SUPPORT: 'مواقف داعمة', CONCEDE: 'تنازلات وتخفيف إجراءات',
  COOPERATE: 'خطوات تعاون عملي', AID: 'مساعدات', RETREAT: 'انسحابات', REQUEST: 'مطالبات وطلبات', ACCUSE: 'اتهامات وانتقادات',
  REJECT: 'حالات رفض', THREATEN: 'تهديدات', PROTEST: 'احتجاجات', SANCTION: 'عقوبات', MOBILIZE: 'حشود وتعبئة',
  COERCE: 'إجراءات قسرية (اعتقال أو مصادرة)', ASSAULT: 'هجمات',
};

const sign = (x: number): string => formatSigned(x, 'ar');
const pct = (n: number, of: number): string => ltr(formatPercent(n / of), 'ar');

function tie(side: string, t: TieFigures | null): string {
  if (!t) return `لا وقائع مُبلَّغ عنها مع ${side}`;
  return `مع ${side}: ${sign(t.weight)} على ${arCount(t.events, AR_NOUNS.fact, 'gen')}`;
}

/** Arabic phrases. */
export const AR: Phrases = {
  dir: 'rtl',
  title: (a, b) => `العلاقة بين ${a} و${b}: مذكرة تحليلية`,
  scope: (since, until, from, to) => {
    if (since && until) return `الأحداث المؤرخة من ${formatDate(since, 'ar')} إلى ${formatDate(until, 'ar')}`;
    if (since) return `الأحداث المؤرخة ابتداءً من ${formatDate(since, 'ar')}`;
    if (until) return `الأحداث المؤرخة حتى ${formatDate(until, 'ar')}`;
    return from && to ? `التغطية المنشورة بين ${formatDate(from, 'ar')} و${formatDate(to, 'ar')}` : 'كل التغطية المخزّنة';
  },
  heading: { overview: 'نظرة عامة', alignment: 'الاصطفافات الإقليمية', method: 'منهجية إعداد المذكرة', sources: 'المصادر', quotes: 'من نصوص التغطية',
    generated: 'أعدّ «ميزان» هذه المذكرة آلياً من أخبار مرمّزة؛ كل رقم فيها عدٌّ لأحداث مرمّزة، وكل ادعاء مشفوع بمصدره.',
    columns: ['المجال', 'الأحداث', 'الوقائع', 'التصريحات والنوايا', 'المنفية', 'متوسط شدة الوقائع'] },
  domainTitle: (d) => DOMAIN[d],
  typeCount: (type, n) => `${TYPE[type]} (${n})`,
  noEvents: (a, b) => `لم يُعثر في التغطية المخزّنة على أي حدث بين ${a} و${b} خلال هذه الفترة.`,
  total: (f) => `رُصد بين ${f.a} و${f.b} ما مجموعه ${arCount(f.events, AR_NOUNS.event)}، استناداً إلى ${arCount(f.mentions, AR_NOUNS.mention, 'gen')} `
    + `في ${arCount(f.articles, AR_NOUNS.article, 'gen')} من ${arCount(f.outlets, AR_NOUNS.outlet, 'gen')}؛ ويُحتسب الحدث مرةً واحدة مهما تعددت الجهات التي نقلته.`,
  factVsSpeech: (f: FactFigures) => {
    const talk = f.future + f.speculative + f.normative;
    const parts = [`وقائع أُبلغ عن حدوثها ${f.acts} (${pct(f.acts, f.events)})`];
    if (talk > 0) {
      const kinds = [f.future ? `${f.future} معلنة أو مقررة` : '', f.speculative ? `${f.speculative} محتملة أو غير مؤكدة` : '',
        f.normative ? `${f.normative} دعوات ومطالبات` : ''].filter(Boolean);
      parts.push(`وتصريحات ونوايا ${talk} (${pct(talk, f.events)})، منها ${joinList(kinds, 'ar')}`);
    }
    if (f.negated > 0) parts.push(`ووقائع نُفيت أو أُفيد بعدم حدوثها ${f.negated} (${pct(f.negated, f.events)})`);
    return `وبحسب صيغة ورودها في النصوص: ${parts.join('؛ ')}.`;
  },
  balance: (f) => `ويبلغ متوسط شدة الوقائع المُبلَّغ عنها ${sign(f.mean)} على مقياس يمتد من ${ltr('−10', 'ar')} (الأشد عدائية) إلى ${ltr('+10', 'ar')} (الأشد تعاوناً): `
    + `${f.cooperative} منها تعاونية، و${f.conflictual} صدامية${f.neutral ? `، و${f.neutral} محايدة` : ''}.`,
  direction: (f) => `مصدر المبادرة: ${f.a} في ${arCount(f.aToB, AR_NOUNS.event, 'gen')} تجاه ${f.b} (${f.aActs} منها وقائع)، `
    + `و${f.b} في ${f.bToA} تجاه ${f.a} (${f.bActs} منها وقائع).`,
  domainsRanked: (top, empty) => {
    const lead = `ويتركز معظم الأحداث في ${joinList(top.map(([d, n]) => `${DOMAIN[d]} (${n})`), 'ar')}`;
    return empty.length > 0 ? `${lead}؛ ولم يُرصد أي حدث في ${joinList(empty.map((d) => DOMAIN[d]), 'ar')}.` : `${lead}.`;
  },
  domainNone: (a, b, d) => `لم يُعثر في التغطية المخزّنة على أي حدث بين ${a} و${b} في ${DOMAIN[d]} خلال هذه الفترة.`,
  domainTypes: (events, types) => `رُصد في هذا المجال ما مجموعه ${arCount(events, AR_NOUNS.event)}: ${joinList(types.map(([t, n]) => AR.typeCount(t, n)), 'ar')}.`,
  trend: (s, by) => {
    const unit = by === 'week' ? AR_NOUNS.week : AR_NOUNS.month;
    const tone = { 'more-cooperative': 'أكثر ميلاً إلى التعاون', 'more-conflictual': 'أكثر ميلاً إلى الصدام',
      steady: 'على المستوى نفسه تقريباً من التعاون', insufficient: '' }[s.tone];
    const activity = { rising: 'أكثر تواتراً', falling: 'أقل تواتراً', steady: 'بالوتيرة نفسها تقريباً', insufficient: '' }[s.activity];
    const mean = (m: number | null): string => (m === null ? '' : ` بمتوسط شدة ${sign(m)}`);
    const verdict = [tone, activity].filter(Boolean);
    return `الاتجاه: في الفترة الممتدة منذ ${formatDate(s.split ?? '', 'ar')} سُجّل ${s.later.acts} من الوقائع${mean(s.later.mean)}، مقابل ${s.earlier.acts}${mean(s.earlier.mean)} `
      + `خلال الفترة السابقة (${arCount(s.earlier.periods, unit)})${verdict.length > 0 ? `؛ وعليه باتت الوقائع ${verdict.join(' و')}` : ''}.`;
  },
  trendTooFew: (s) => `لا تكفي الوقائع المؤرخة لاستخلاص اتجاه (${s.earlier.acts} في النصف الأول من الفترة و${s.later.acts} في نصفها الثاني).`,
  networkMissing: (a, b) => `لا تربط أي وقائع مُبلَّغ عنها ${a} أو ${b} بأطراف أخرى خلال هذه الفترة، فلا تتيح الشبكة استخلاص اصطفافاتهما.`,
  blocs: (f) => {
    const net = `في شبكة الاصطفافات لهذه الفترة (استناداً إلى الوقائع المُبلَّغ عنها: ${arCount(f.nodes, AR_NOUNS.actor)} و${arCount(f.edges, AR_NOUNS.link)})`;
    const with_ = (m: string[]): string => (m.length > 0 ? ` مع ${joinList(m, 'ar')}` : ' دون شركاء في كتلته');
    return f.same
      ? `${net}، تجمع كتلة واحدة بين ${f.a} و${f.b}${f.matesA.length > 0 ? ` وتضم أيضاً ${joinList(f.matesA, 'ar')}` : ''}.`
      : `${net}، يتوزع الطرفان على كتلتين مختلفتين: ${f.a}${with_(f.matesA)}، و${f.b}${with_(f.matesB)}.`;
  },
  party: (f) => {
    const standing = {
      'close-to-both': 'علاقات تعاونية مع الطرفين', 'sides-with-a': `في صف ${f.a} في مواجهة ${f.b}`, 'sides-with-b': `في صف ${f.b} في مواجهة ${f.a}`,
      'opposed-to-both': 'علاقات صدامية مع الطرفين', 'close-to-a': `علاقة تعاونية مع ${f.a} دون ${f.b}`, 'opposed-to-a': `علاقة صدامية مع ${f.a} دون ${f.b}`,
      'close-to-b': `علاقة تعاونية مع ${f.b} دون ${f.a}`, 'opposed-to-b': `علاقة صدامية مع ${f.b} دون ${f.a}`,
    }[f.stance];
    const triad = f.balanced === null ? '' : f.balanced ? '؛ والمثلث متوازن' : '؛ والمثلث غير متوازن';
    return `${f.name}: ${standing} (${tie(f.a, f.withA)}؛ ${tie(f.b, f.withB)})${triad}.`;
  },
  triads: (f) => `ومن أصل ${arCount(f.total, AR_NOUNS.triad, 'gen')} يشكّلها الطرفان مع طرف ثالث، ${f.balanced} متوازنة (صديق الصديق صديق، وعدو العدو صديق).`,
  method: [
    'الحدث فعلٌ واحد في الواقع بين الطرفين، يُحتسب مرةً واحدة مهما تعددت المقالات التي نقلته، ويؤرَّخ بتاريخ وقوعه كما تورده التغطية.',
    'الوقائع هي الأحداث التي أوردتها التغطية على أنها وقعت فعلاً. أما الأحداث المعلنة أو المقررة أو المحتملة أو المطالَب بها فتُعدّ تصريحات ونوايا، ولا تُعدّ الأحداث المنفية من هذه ولا من تلك. ولا يدخل في حساب الميزان والشبكة إلا الوقائع.',
    `تتراوح الشدة بين ${ltr('−10', 'ar')} (الأشد عدائية) و${ltr('+10', 'ar')} (الأشد تعاوناً) بحسب نوع الحدث، على غرار مقياس غولدستين؛ والميزان هو متوسط شدة الوقائع.`,
    'يقارن الاتجاه وقائع النصف الثاني من فترة التغطية بوقائع نصفها الأول: فرقُ نقطةٍ واحدة على الأقل في متوسط الشدة، أو تغيّرٌ في التواتر بمقدار النصف زيادةً أو ما يقابله نقصاً.',
    'تُستخلص الكتل بخوارزمية لرصد التجمعات في الشبكات الموقّعة تشمل وقائع جميع الأطراف خلال الفترة (خوارزمية لوفان على علاقات التعاون، مع تحسينٍ وفق معيار النمطية الموقّعة).',
    'الترميز الآلي عرضة للخطأ: تُرجى قراءة الجمل المقتبسة قبل الاعتماد على أي رقم.',
  ],
  source: (f) => `${f.outlet ?? 'وسيلة غير مسمّاة'}${f.date ? `، ${formatDate(f.date, 'ar')}` : ''} — المقال ${f.articleId}، المحارف ${ltr(`${f.start}–${f.end}`, 'ar')}`,
};
