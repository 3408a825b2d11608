import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bylineNames, isBylineLine, readByline } from './byline.js';

test('splits a title written after the names off the byline, as a format with one byline string carries it', () => {
  assert.deepStrictEqual(readByline('By BERNARD CONDON, AP Business Writer'), {
    text: 'By BERNARD CONDON',
    names: ['BERNARD CONDON'],
    title: 'AP Business Writer',
  });
  assert.deepStrictEqual(readByline('By Paul Byrne, Jack Roe, AP Writers'), { text: 'By Paul Byrne, Jack Roe', names: ['Paul Byrne', 'Jack Roe'], title: 'AP Writers' });
  // A name that looks like an organisation's is a name inside the names, a title after a comma.
  assert.deepStrictEqual(readByline('Mia Rabson and Jordan Press, The Canadian Press'), {
    text: 'Mia Rabson and Jordan Press',
    names: ['Mia Rabson', 'Jordan Press'],
    title: 'The Canadian Press',
  });
  assert.deepStrictEqual(readByline('Aaron J. Staples, Michigan State University'), { text: 'Aaron J. Staples', names: ['Aaron J. Staples'], title: 'Michigan State University' });
});

test('keeps a byline whole when names follow the comma, a title is given apart, or what follows is no title', () => {
  assert.deepStrictEqual(readByline('Kari Invented, Ola Invented & Per Invented'), {
    text: 'Kari Invented, Ola Invented & Per Invented',
    names: ['Kari Invented', 'Ola Invented', 'Per Invented'],
    title: null,
  });
  assert.deepStrictEqual(readByline('By Ann Example, Invented Writer', 'Staff'), { text: 'By Ann Example, Invented Writer', names: ['Ann Example'], title: 'Staff' });
  // ANSA puts a subtitle where the byline goes: lower case after the comma is no title.
  assert.equal(readByline('Situation serious, ready for all scenarios says EC')?.title, null);
  // AP's `=` and a comma left before a title on the next line are marks, not words.
  assert.deepStrictEqual(readByline('By JANE INVENTED and Ola Nordmann ='), { text: 'By JANE INVENTED and Ola Nordmann', names: ['JANE INVENTED', 'Ola Nordmann'], title: null });
  assert.equal(readByline('By Meredith Jameson,')?.text, 'By Meredith Jameson');
  assert.equal(readByline('  '), null);
  assert.deepStrictEqual(readByline('', 'Staff Reporter'), { text: 'Staff Reporter', names: [], title: 'Staff Reporter' });
});

test('names only people: an agency, a job or a date ends the names', () => {
  assert.deepStrictEqual(bylineNames('By Ian Jones, Press Association'), ['Ian Jones']);
  assert.deepStrictEqual(bylineNames('Reuters, MAR 04'), []);
  assert.deepStrictEqual(bylineNames('By The Associated Press'), []);
  assert.deepStrictEqual(bylineNames("By Paulo Santalucia and Frances d'Emilio"), ['Paulo Santalucia', "Frances d'Emilio"]);
});

test('tells a byline paragraph from copy', () => {
  assert.equal(isBylineLine('By PAUL BYRNE and ALMUDENA CALATRAVA ='), true);
  assert.equal(isBylineLine('By then the talks had failed.'), false);
  assert.equal(isBylineLine(`By ${'A and '.repeat(30)}1`), false);
});

test('reads a byline as written, with the names in it', () => {
  assert.deepStrictEqual(
    ['By JANE INVENTED and Ola Nordmann =', 'Kari Invented, Ola Invented & Per Invented', '  ', null].map((text) => readByline(text)),
    [
      { text: 'By JANE INVENTED and Ola Nordmann', names: ['JANE INVENTED', 'Ola Nordmann'], title: null },
      { text: 'Kari Invented, Ola Invented & Per Invented', names: ['Kari Invented', 'Ola Invented', 'Per Invented'], title: null },
      null,
      null,
    ],
  );
});
