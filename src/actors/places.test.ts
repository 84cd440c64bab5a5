import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Lang } from '../core/types.js';
import { normalize } from '../text/normalize.js';
import { tokenize } from '../text/tokenize.js';
import { actorLexicon } from './lexicon.js';
import { findActors } from './matcher.js';

const codes = (text: string, lang: Lang): string[] => findActors(tokenize(normalize(text)), lang, actorLexicon()).mentions.map((m) => m.code);

test('Russian regions match through their cases, the instrumental included', () => {
  assert.deepEqual(codes('Украинские беспилотники атаковали нефтебазу в Брянской области', 'ru'), ['UKR', 'RUS']);
  assert.deepEqual(codes('Казахстан направил в Оренбург спасателей', 'ru'), ['KAZ', 'RUS']);
  assert.deepEqual(codes('Польша перебросила войска к границе с Калининградской областью', 'ru'), ['POL', 'RUS']);
  assert.deepEqual(codes('Курскую область, Белгородской областью, в Орловской области, Орловской областью', 'ru'), ['RUS', 'RUS', 'RUS', 'RUS']);
  assert.deepEqual(codes('в Краснодарском крае, в Приморском крае, брянские власти', 'ru'), ['RUS', 'RUS', 'RUS']);
  assert.deepEqual(codes('удары по Хмельницкой области, Киевскую область и Кривому Рогу', 'ru'), ['UKR', 'UKR', 'UKR']);
  assert.deepEqual(codes('в Уфе, в Туле, в Нижнем Новгороде', 'ru'), ['RUS', 'RUS', 'RUS']);
});

test('Arabic places through proclitics and after ريف / محافظة / ولاية', () => {
  assert.deepEqual(codes('قصفت طائرات روسية مواقع في ريف إدلب', 'ar'), ['RUS', 'SYR']);
  assert.deepEqual(codes('هجوم في محافظة ديالى وبالأنبار', 'ar'), ['IRQ', 'IRQ']);
  assert.deepEqual(codes('اشتباكات في ولاية جنوب كردفان وفي محافظة حجة', 'ar'), ['SDN', 'YEM']);
  assert.deepEqual(codes('دكت المدفعية بلدة الخيام ومرجعيون', 'ar'), ['LBN', 'LBN']);
});

test('English places with region, oblast, province, governorate', () => {
  assert.deepEqual(codes('Russian drones struck a depot in Khmelnytskyi region', 'en'), ['RUS', 'UKR']);
  assert.deepEqual(codes('Ukraine hit a refinery in the Bryansk oblast', 'en'), ['UKR', 'RUS']);
  assert.deepEqual(codes('clashes in Anbar province and Nineveh governorate', 'en'), ['IRQ', 'IRQ']);
  assert.deepEqual(codes('attacks in Sistan and Balochistan province; troops in Balochistan', 'en'), ['IRN', 'PAK']);
});

test('place names that are also common words are not actors', () => {
  assert.deepEqual(codes('Двуглавого орла и коня увидели в Твери, где ровно в полночь продавали изюм', 'ru'), ['RUS']);
  assert.deepEqual(codes('Балтийские страны и Каспийское море; Иван Грозный', 'ru'), []);
  assert.deepEqual(codes('كتبت الصحيفة بعد فترة وجيزة أن المحكمة حكمت بعقوبة السجن', 'ar'), []);
  assert.deepEqual(codes('رست السفينة قبالة السواحل وقال في حواره إنه ولد في بلد آخر', 'ar'), []);
  assert.deepEqual(codes('اعتقل الهاربين بحجة عمران المدن في حلة جديدة', 'ar'), []);
  assert.deepEqual(codes('وصل العقيد عبد الجليل إلى محور فيلادلفيا', 'ar'), []);
  assert.deepEqual(codes('A hail of bullets hit a nice van in Reading', 'en'), []);
});
