import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { ParseError } from '../../errors.js';
import { SourceFile } from '../../source/source-file.js';
import type { Story } from '../../story/story.js';
import { sharedPath, skipWithout } from '../../testing/shared-data.js';
import { validateStory as validate } from '../../testing/story-schema.js';
import { detectFormat } from '../index.js';
import { cleanSubject, mailDate, readMailbox } from './grammar.js';
import { decodeWords } from './mime.js';
import { email, parseEmail } from './parse.js';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);
const readFixture = (name: string) => parseEmail(new SourceFile(readFileSync(fixture(name)), { name }));
const read = (text: string, name = 'invented.eml') => parseEmail(new SourceFile(Buffer.from(text, 'latin1'), { name }));
const texts = (story: Story) => story.body.map((block) => block.text);
const rules = (story: Story) => story.diagnostics.map((diagnostic) => `${diagnostic.rule} ${diagnostic.place?.line ?? '-'}`);

/** A message of invented copy: the given header fields, then the body. */
const message = (fields: string, body: string) =>
  `From: Desk <desk@invented.example>\nDate: Thu, 7 Mar 2024 10:00:00 +0000\nMessage-ID: <m1@invented.example>\nMIME-Version: 1.0\n${fields}\n\n${body}`;

test('sniffs a header block of several mail fields, and neither wire copy nor a lone From line', () => {
  const sniff = (text: string) => email.sniff(new SourceFile(Buffer.from(text), { name: 'x' })).score;
  assert.deepEqual(
    [
      sniff(readFileSync(fixture('encoded-words.eml')).toString('latin1')),
      sniff('\n   \nFrom: a@invented.example\nTo: b@invented.example\nSubject: Hello\n\nText.'),
      sniff('From sender@invented.example Mon Jan  1 00:00:00 2024\nFrom: a@x\nSubject: s\nDate: Mon, 1 Jan 2024 00:00:00 +0000\n\nText.'),
      sniff('From: a@invented.example\nSubject: Hello\n\nText.'),
      sniff('From: the desk\n\nBERLIN (dpa) - Text.'),
      sniff('BERLIN (dpa) - Text.\nSubject: none'),
      sniff('Headline: Ferry resumes\nAbstract: It does.\nSlug: Ferry\n\nText.'),
    ],
    [0.95, 0.95, 0.95, 0.3, 0, 0, 0],
  );
  assert.equal(detectFormat(new SourceFile(readFileSync(fixture('nested.eml')), { name: 'nested.eml' })).id, 'email');
});

test('decodes encoded words in Subject and From, quoted-printable Latin-1 text, and cuts the signature', () => {
  const [story, ...rest] = readFixture('encoded-words.eml');
  assert.equal(rest.length, 0);
  assert.ok(validate(story), JSON.stringify(validate.errors));
  assert.deepStrictEqual(
    {
      id: story!.id,
      guid: story!.guid,
      headline: story!.headline,
      byline: story!.byline,
      dateline: story!.dateline,
      firstCreated: story!.firstCreated,
      versionCreated: story!.versionCreated,
      body: texts(story!),
      encoding: story!.source.encoding,
      labels: story!.source.labels,
      diagnostics: story!.diagnostics,
    },
    {
      id: 'ferry-0001@invented.example',
      guid: 'ferry-0001@invented.example',
      headline: 'Café owners in Zürich protest rent rise',
      byline: { text: 'Renée Fictive', names: ['Renée Fictive'], title: null },
      dateline: { text: 'ZURICH, March 4 (Invented) -', place: 'ZURICH', region: null, country: null, date: '2024-03-04', credit: 'Invented' },
      firstCreated: '2024-03-04T09:15:00+01:00',
      versionCreated: '2024-03-04T09:15:00+01:00',
      body: [
        'Café owners in Zürich marched on Monday against a rise in rents that they said would close one café in five.',
        // 0x92 is Windows-1252's right single quotation mark, as mail programs mean ISO-8859-1.
        'The city said it would hear the owners’ case next week.',
      ],
      encoding: 'windows-1252',
      labels: {
        subject: 'Fwd: Café owners in Zürich protest rent rise',
        from: 'Renée Fictive <renee@invented.example>',
        'from-address': 'renee@invented.example',
        to: 'desk@invented.example',
        date: 'Mon, 4 Mar 2024 09:15:00 +0100 (CET)',
        'message-id': 'ferry-0001@invented.example',
      },
      diagnostics: [],
    },
  );
});

test('reads nested multiparts: the text file attached as a story, the enclosed message as another, the picture listed', () => {
  const stories = readFixture('nested.eml');
  for (const story of stories) assert.ok(validate(story), JSON.stringify(validate.errors));
  assert.deepStrictEqual(
    stories.map((story) => ({
      id: story.id,
      headline: story.headline,
      slug: story.slug,
      takes: story.takes,
      byline: story.byline?.text ?? null,
      place: story.dateline?.place ?? null,
      body: texts(story),
      signoffs: story.signoffs.map((signoff) => [signoff.text, signoff.initials, signoff.time]),
      notes: story.notes,
      attachment: story.source.labels['attachment'] ?? null,
      attachments: story.source.labels['attachments'] ?? null,
      firstCreated: story.firstCreated,
      line: story.source.line,
    })),
    [
      {
        id: 'bundle-9@invented.example#1',
        headline: 'Bridge over invented river reopens',
        slug: 'BRG',
        takes: [1],
        byline: null,
        place: 'HAMBURG',
        body: ['The bridge over the invented river reopened to traffic on Wednesday after two years of repairs.', 'Engineers said the new deck would last a century.'],
        signoffs: [['Invented/ab/1840 hrs', ['Invented', 'ab'], '18:40']],
        notes: ['Cover note: Please find the story attached.'],
        attachment: 'bridge.txt',
        attachments: ['map.png (image/png)'],
        firstCreated: '2024-03-06T18:40:00-05:00',
        line: 32,
      },
      {
        id: 'bundle-9@invented.example#2',
        headline: 'Straßenbahn line extended',
        slug: null,
        takes: [],
        byline: 'Jürgen Invented',
        place: null,
        body: ['The tram line to the invented harbour will be extended by three stops, the city council decided on Wednesday.'],
        signoffs: [],
        notes: ['Cover note: Please find the story attached.'],
        attachment: null,
        attachments: null,
        firstCreated: '2024-03-06T11:00:00+01:00',
        line: 51,
      },
    ],
  );
});

test('reads an HTML-only message as paragraphs and crossheads, Windows-1252 decoded, the signature cut', () => {
  const [story] = readFixture('html-only.eml');
  assert.ok(validate(story), JSON.stringify(validate.errors));
  assert.deepStrictEqual(
    [story!.headline, story!.byline, story!.body.map((block) => [block.kind, block.text])],
    [
      'Museum opens wing for the ship models',
      // A press office is no person: its name stays a label.
      null,
      [
        ['paragraph', 'The Invented Maritime Museum opened a wing for its 300 ship models on Tuesday, the first new gallery in 20 years.'],
        ['crosshead', 'Models & maps'],
        ['paragraph', '“We finally have room for the maps too,” the curator said.'],
      ],
    ],
  );
  assert.equal(story!.source.labels['from-address'], 'press@invented.example');
});

test('unwraps format=flowed text and reads the Headline:/Abstract: layout, the keyword over the byline, and the sign-off', () => {
  const [story] = readFixture('flowed.eml');
  assert.ok(validate(story), JSON.stringify(validate.errors));
  assert.deepStrictEqual(
    {
      headline: story!.headline,
      summary: story!.summary,
      slug: story!.slug,
      byline: story!.byline,
      dateline: story!.dateline?.text,
      body: texts(story!),
      signoffs: story!.signoffs.map((signoff) => [signoff.text, signoff.agencies, signoff.initials]),
      credits: story!.credits,
      preamble: story!.source.labels['preamble'],
      firstCreated: story!.firstCreated,
    },
    {
      headline: 'Invented rowing club wins its first regatta',
      summary: 'A rowing club founded last year won the invented regatta on Wednesday.',
      slug: 'Row Regatta',
      byline: { text: 'By Jane Invented', names: ['Jane Invented'], title: null },
      dateline: 'OSLO, March 6 (Invented) -',
      body: [
        'A rowing club founded only last year won the invented regatta on Wednesday, beating crews that have raced for a century.',
        "The club's eight crossed the line two lengths clear.",
      ],
      // The writer's name, title and telephone under the sign-off are the mail's signature, not copy.
      signoffs: [['AAP ji/', ['AAP'], ['ji']]],
      credits: ['Invented'],
      preamble: ['SPT'],
      // An obsolete two-digit year, no seconds.
      firstCreated: '2024-03-06T07:30:00Z',
    },
  );
});

test('reads a web form sent as JSON: its fields as the story, the rest as labels', () => {
  const form = JSON.stringify({
    Headline: ['Invented dam opens'],
    Slugline: ['Dam'],
    Dateline: ['CAIRNS', ''],
    Priority: ['Urgent'],
    Abstract: ['A dam opened.'],
    Desk: ['North'],
    Body: ['CAIRNS, March 7 (Invented) - An invented dam opened on Thursday.\nIt holds a year of water.'],
  });
  const [story] = read(message('Subject: Formatted Editorial Story\nContent-Type: text/plain; charset=utf-8', form));
  assert.ok(validate(story), JSON.stringify(validate.errors));
  assert.deepStrictEqual(
    [story!.headline, story!.slug, story!.priority, story!.summary, story!.dateline?.place, story!.dateline?.date, texts(story!), story!.source.labels['Desk']],
    ['Invented dam opens', 'Dam', 'urgent', 'A dam opened.', 'CAIRNS', '2024-03-07', ['An invented dam opened on Thursday.', 'It holds a year of water.'], 'North'],
  );
  // JSON that holds no story is read as the text it is.
  const [plain] = read(message('Subject: Settings\nContent-Type: text/plain', '{"volume": 3}'));
  assert.deepEqual([plain!.headline, texts(plain!)], ['Settings', ['{"volume": 3}']]);
});

test('takes the Subject over a line like a greeting, which stays in the body; a headline heading copy stands', () => {
  const [greeting] = read(message('Subject: Ferry timetable changes', 'Hi all\n\nThe ferry will run every hour from Monday.\n'));
  assert.deepEqual([greeting!.headline, texts(greeting!)], ['Ferry timetable changes', ['Hi all', 'The ferry will run every hour from Monday.']]);
  const [own] = read(message('Subject: story', 'Ferry to run every hour\n\nHOBART, March 7 (Invented) - The ferry will run every hour from Monday.\n'));
  assert.deepEqual([own!.headline, own!.dateline?.place, texts(own!)], ['Ferry to run every hour', 'HOBART', ['The ferry will run every hour from Monday.']]);
  // A Subject alone is a headline without copy.
  const [flash] = read(message('Subject: FLASH: invented dam bursts', ''));
  assert.deepEqual([flash!.headline, flash!.body], ['FLASH: invented dam bursts', []]);
});

test('warns about damage and reads on: bad base64, an unknown charset, a multipart never closed, one without boundary', () => {
  const [base64] = read(message('Subject: s\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64', 'SW52ZW50ZWQg!!dGV4dC4=\n'));
  assert.deepEqual([texts(base64!), rules(base64!)], [['Invented text.'], ['email/bad-base64 9']]);
  const [charset] = read(message('Subject: =?x-martian?Q?Invented?=\nContent-Type: text/plain; charset=x-martian', 'Caf\xe9 text.\n'));
  assert.deepEqual(
    [charset!.headline, texts(charset!), charset!.source.encoding, rules(charset!)],
    ['Invented', ['Café text.'], 'windows-1252', ['email/unknown-charset 5', 'email/unknown-charset 6']],
  );
  const [unclosed] = read(message('Subject: s\nContent-Type: multipart/mixed; boundary=b', '--b\nContent-Type: text/plain\n\nCut short text.\n'));
  assert.deepEqual([texts(unclosed!), rules(unclosed!)], [['Cut short text.'], ['email/unclosed-multipart 6']]);
  const [unbounded] = read(message('Subject: s\nContent-Type: multipart/mixed', 'Text without parts.\n'));
  assert.deepEqual([texts(unbounded!), rules(unbounded!)], [['Text without parts.'], ['email/no-boundary 6']]);
});

test('an enclosed message without text gives no story, and the message around it is read all the same', () => {
  const [story, ...rest] = read(
    message(
      'Subject: Ferry photo attached\nContent-Type: multipart/mixed; boundary=b',
      [
        '--b',
        'Content-Type: text/plain',
        '',
        'The ferry resumed on Monday after a week of storms, the operator said.',
        '--b',
        'Content-Type: message/rfc822',
        '',
        'From: a@invented.example',
        'Content-Type: image/jpeg',
        'Content-Transfer-Encoding: base64',
        '',
        '/9j/4AAQ',
        '--b--',
        '',
      ].join('\n'),
    ),
  );
  assert.equal(rest.length, 0);
  assert.deepEqual([story!.headline, texts(story!), rules(story!)], ['Ferry photo attached', ['The ferry resumed on Monday after a week of storms, the operator said.'], ['email/enclosed-no-text 15']]);
});

test('refuses what is no message, or holds no text, with a ParseError naming the file and the line', () => {
  const refusal = (text: string, pattern: RegExp) => (error: unknown) =>
    error instanceof ParseError && pattern.test(error.message) && error.file === 'invented.eml' && error.reader === 'email';
  assert.throws(
    () => read('\n\nBERLIN (dpa) - Plain copy.\n'),
    refusal('', /^Cannot parse `invented\.eml` \(line 3\) as email: expected a mail header block .*found `BERLIN \(dpa\) - Plain copy\.` \(plain copy\? try --from wire-text\)$/),
  );
  assert.throws(() => read(''), refusal('', /\(line 1\) as email: expected a mail header block .*found nothing/));
  const picture = message(
    'Subject: Photo\nContent-Type: multipart/mixed; boundary=b',
    '--b\nContent-Type: image/jpeg; name="ferry.jpg"\nContent-Transfer-Encoding: base64\n\n/9j/4AAQ\n--b--\n',
  );
  assert.throws(() => read(picture), refusal('', /\(line 1\) as email: the message holds only what is no text \(ferry\.jpg \(image\/jpeg\)\)/));
  assert.throws(
    () => read('From: a@invented.example\nTo: b@invented.example\n\n\n'),
    (error: unknown) => error instanceof ParseError && error.diagnostics.at(-1)?.rule === 'email/no-copy',
  );
});

test('reads the parts of the grammar: dates, mailboxes, subjects, encoded words with text inside', () => {
  assert.deepEqual(
    [
      mailDate('Wed, 18 Feb 2015 22:18:40 -0800 (PST)'),
      mailDate('5 Jul 2019 10:08 +0000'),
      mailDate('Tue, 3 Mar 2015 1:27:36 EST'),
      mailDate('yesterday'),
      mailDate('Tue, 3 Mar 2015 11:27:36'),
    ],
    ['2015-02-18T22:18:40-08:00', '2019-07-05T10:08:00Z', '2015-03-03T01:27:36-05:00', null, null],
  );
  assert.deepEqual(
    [readMailbox('"Everill, Ben" <ben@invented.example>'), readMailbox('ben@invented.example (Ben Everill)'), readMailbox('ben@invented.example')],
    [
      { name: 'Everill, Ben', address: 'ben@invented.example' },
      { name: 'Ben Everill', address: 'ben@invented.example' },
      { name: null, address: 'ben@invented.example' },
    ],
  );
  assert.deepEqual([cleanSubject('Fwd: RE: AW: Ferry resumes'), cleanSubject('Re[2]: Fw: Ferry'), cleanSubject('Re: '), cleanSubject('Rebels win')], ['Ferry resumes', 'Ferry', null, 'Rebels win']);
  const file = new SourceFile(Buffer.from(''), { name: 'x' });
  assert.equal(decodeWords('=?windows-1252?Q?TravTalk’s_Special=96for_you?=', file, null), 'TravTalk’s Special–for you');
  assert.equal(decodeWords('=?utf-8?Q?caf=C3?= =?utf-8?Q?=A9?= open', file, null), 'café open');
  assert.deepEqual(file.messages, []);
});

test('never crashes on arbitrary bytes after a header block: valid Stories or a ParseError', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 2000 }), fc.constantFrom('text/plain', 'multipart/mixed; boundary=b', 'message/rfc822', 'text/html; charset=iso-2022-jp'), (bytes, type) => {
      const head = Buffer.from(message(`Subject: s\nContent-Type: ${type}\nContent-Transfer-Encoding: quoted-printable`, ''));
      try {
        for (const story of parseEmail(new SourceFile(Buffer.concat([head, bytes]), { name: 'x' }))) {
          assert.ok(validate(story), JSON.stringify(validate.errors));
        }
      } catch (error) {
        assert.ok(error instanceof ParseError, String(error));
      }
    }),
    { numRuns: 300 },
  );
});

test('reads the real e-mails: headline, first paragraph, charset and date', { skip: skipWithout('agency/core/simple_email.txt') }, () => {
  const expected: Record<string, { headline: string; first: string; stories?: number; created: string; more?: (story: Story) => unknown; want?: unknown }> = {
    'core/simple_email.txt': { headline: 'Test message 1234', first: 'body text', created: '2015-02-19T17:18:40+11:00' },
    'core/charset_in_subject_email.txt': { headline: 'Google Apps News March 2015', first: 'body text', created: '2015-02-19T17:18:40+11:00' },
    'core/composite_email.txt': {
      headline: 'single image test',
      first: 'this is a test of a single image',
      created: '2015-03-03T11:27:36+11:00',
      more: (story) => story.source.labels['attachments'],
      want: ['Cow.jpg (image/jpeg)'],
    },
    'core/odd_charset_email.txt': {
      headline: 'Senden defends but Scott favourite',
      first: 'Adam Scott is hoping to live up to his favourite tag as he searches for more competitive reps in his Masters preparations.',
      created: '2015-03-10T14:17:01-07:00',
      more: (story) => [
        story.source.labels['subject'],
        story.source.encoding,
        story.slug,
        story.byline?.text,
        story.dateline,
        story.body[1]!.text.slice(0, 50),
        story.signoffs.map((signoff) => signoff.text),
        story.body.at(-1)!.text,
      ],
      want: [
        // The encoded word holds the ’ itself, in UTF-8, though it says Windows-1252.
        'TravTalk’s Special for TAAI convention',
        'windows-1252',
        'Gol PGA',
        'By Ben Everill',
        { text: 'LOS ANGELES, March 10 AAP –', place: 'LOS ANGELES', region: null, country: null, date: '2015-03-10', credit: 'AAP' },
        'Scott lines up this week at Innisbrook Resort’s Co',
        ['AAP be/'],
        'Robert Allenby, Steven Bowditch, Marc Leishman, Greg Chalmers and Rod Pampling are also in the field.',
      ],
    },
    'core/json-email.txt': {
      headline: 'Headline-2',
      first: 'Lorem ipsum',
      created: '2015-09-14T02:06:01Z',
      more: (story) => [story.slug, story.summary, story.source.labels['Username'], story.source.labels['Timestamp']],
      want: ['Slugline-2', 'Abstract-2', 'mock@mail.com.au', '9/14/2015 12:06:00'],
    },
    'core/json-email-bad-user.txt': {
      headline: 'Headline-2',
      first: 'Lorem ipsum',
      created: '2015-09-14T02:06:01Z',
      more: (story) => [story.slug, story.source.labels['Username']],
      want: ['Slugline-2', 'wrong@mail.com.au'],
    },
    'core/googleform.txt': {
      headline: 'TEST NZ HEADER',
      first: 'Prisoners allegedly drunk on homebrew attacked staff at the Serco-run Wiri prison on Saturday, and a wing has been in lockdown as a result.',
      created: '2016-05-05T04:11:45Z',
      more: (story) => [story.slug, story.priority, story.dateline?.place, story.summary, story.body.length],
      want: ['NZTEST', 'urgent', 'AUCKLAND', 'Something about the NZ story here.', 3],
    },
    'core/googleform1.txt': {
      headline: "Arnold 'worried' about maroon-clad Roar",
      first: 'John Aloisi reckons Sydney FC coach Graham Arnold is "worried" a maroon-clad Brisbane Roar will end their unbeaten A-League run on Saturday.',
      created: '2016-11-17T23:35:10Z',
      more: (story) => [story.slug, story.dateline?.place, story.source.labels['Category'], story.body.length],
      want: ['Soc AL Roar', 'BRISBANE', 'DOMESTIC SPORT', 3],
    },
    'belga/email_attachment_belga.txt': {
      headline: 'test',
      first: 'hello, This is test email attachment',
      created: '2019-07-05T10:08:08Z',
      // The text file attached holds one word, no story of its own: it goes on the body.
      more: (story) => [texts(story), story.source.labels['attachment'], story.byline?.text],
      want: [['hello, This is test email attachment', 'data'], 'attachment.txt', 'Thanh Nguyen'],
    },
  };
  for (const [name, facts] of Object.entries(expected)) {
    const path = sharedPath(join('agency', name));
    if (path === null) continue;
    const bytes = readFileSync(path);
    const file = new SourceFile(bytes, { name });
    assert.equal(detectFormat(file).id, 'email', name);
    const stories = parseEmail(file);
    assert.equal(stories.length, facts.stories ?? 1, name);
    const story = stories[0]!;
    assert.ok(validate(story), `${name}: ${JSON.stringify(validate.errors)}`);
    assert.deepEqual([story.headline, story.body[0]?.text, story.firstCreated], [facts.headline, facts.first, facts.created], name);
    // No mojibake: no Windows-1252 reading of UTF-8, no replacement characters.
    assert.doesNotMatch(JSON.stringify([story.headline, story.body, story.source.labels]), /â€|Ã|\ufffd/, name);
    if (facts.more) assert.deepEqual(facts.more(story), facts.want, name);
  }
});
