import assert from 'node:assert/strict';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { ParseError } from '../../errors.js';
import { SourceFile } from '../../source/source-file.js';
import { decodeXmlDocument } from './document.js';
import { attribute, child, children, decodeXml, parseXml, path, text } from './xml.js';

function file(content: string | Buffer): SourceFile {
  return new SourceFile(typeof content === 'string' ? Buffer.from(content) : content, { name: 'test.xml' });
}

function failure(content: string | Buffer, limits?: Parameters<typeof parseXml>[2]): ParseError {
  try {
    parseXml(file(content), 'nitf', limits);
  } catch (error) {
    assert.ok(error instanceof ParseError, String(error));
    return error;
  }
  assert.fail('parsed what it should refuse');
}

test('reads elements, attributes, namespaces, text and HTML character references', () => {
  const root = parseXml(
    file(
      '<?xml version="1.0"?>\n<!DOCTYPE nitf SYSTEM "nitf-3-6.dtd">\n<nitf xmlns:x="urn:x"><head><title>Caf&eacute; &amp; bar</title></head>' +
        '<body><body.head><hedline><hl1>Talks <em>end</em></hl1></hedline></body.head><x:note x:kind="a">n</x:note></body></nitf>',
    ),
    'nitf',
  );
  assert.equal(root.local, 'nitf');
  assert.equal(text(path(root, 'head', 'title')), 'Café & bar');
  assert.equal(text(path(root, 'body', 'body.head', 'hedline', 'hl1')), 'Talks end');
  const note = child(child(root, 'body'), 'note')!;
  assert.deepEqual([note.uri, attribute(note, 'kind'), note.line], ['urn:x', 'a', 3]);
  assert.equal(children(root).length, 2);
});

test('honours the encoding the declaration names', () => {
  const latin = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><p>'), Buffer.from([0x43, 0x61, 0x66, 0xe9]), Buffer.from('</p>')]);
  assert.deepEqual(decodeXml(latin), { text: '<?xml version="1.0" encoding="ISO-8859-1"?><p>Café</p>', encoding: 'iso-8859-1' });
  assert.equal(text(parseXml(file(latin), 'nitf')), 'Café');
});

test('refuses the billion laughs without expanding anything', () => {
  const lol = [
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">',
    ...Array.from({ length: 9 }, (_, level) => `<!ENTITY lol${level + 1} "${`&lol${level === 0 ? '' : level};`.repeat(10)}">`),
    ']><lolz>&lol9;</lolz>',
  ].join('');
  const started = performance.now();
  const error = failure(lol);
  assert.ok(performance.now() - started < 1000);
  assert.match(error.message, /^Cannot parse `test\.xml` \(line 1, column \d+\) as nitf: undefined entity.*never entities a DTD declares/);
});

test('never reads a local file an external entity points to', () => {
  const error = failure('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><r>&xxe;</r>');
  assert.match(error.message, /undefined entity/);
  assert.doesNotMatch(error.message, /root:/);
});

test('stops at a nesting deeper than the limit, quickly', () => {
  const deep = '<a>'.repeat(10_000) + '</a>'.repeat(10_000);
  const error = failure(deep);
  assert.match(error.message, /elements nest deeper than 200 levels/);
});

test('refuses input over the size limit before reading it', () => {
  const error = failure(Buffer.alloc(2048, 0x20), { maxBytes: 1024, maxDepth: 10 });
  assert.match(error.message, /2048 bytes is more than the 1024 a news document may have/);
});

test('refuses 100 MB of junk at once, without reading it', () => {
  const junk = Buffer.alloc(100 * 1024 * 1024, '<a>junk&');
  const started = performance.now();
  const error = failure(junk);
  assert.ok(performance.now() - started < 500);
  assert.match(error.message, /104857600 bytes is more than the 67108864 a news document may have/);
});

test('names the line and column of malformed XML', () => {
  const error = failure('<nitf>\n<head>\n</nitf>');
  assert.match(error.message, /\(line 3, column \d+\) as nitf: not well-formed XML/);
  assert.deepEqual(error.diagnostics.map((message) => message.rule), ['xml/malformed']);
});

test('cuts character data as the parser reads it: line ends, references, comments, CDATA', () => {
  const root = parseXml(
    file('<a>x\r\ny\rz <b/>A &amp; B &lt;c&gt; &#13;&#x41;&#65; &eacute;&nbsp;<!-- c -->two<?pi data?>three<![CDATA[ <x> & \r\n y ]]>four</a>'),
    'nitf',
  );
  assert.deepEqual(root.children, [
    'x\ny\nz ',
    { name: 'b', local: 'b', uri: '', attributes: {}, children: [], line: 3, column: 7 },
    'A & B <c> \rAA é\u00a0',
    'two',
    'three',
    ' <x> & \n y ',
    'four',
  ]);
  const xml11 = parseXml(file('<?xml version="1.1"?><a>x\u0085y\u2028z\r\u0085w</a>'), 'nitf');
  assert.deepEqual(xml11.children, ['x\ny\nz\nw']);
});

test('knows no reference by a name the prototype of an object has', () => {
  assert.match(failure('<a>&constructor;</a>').message, /undefined entity/);
});

test('decodes ISO-8859-1 natively as iconv-lite does, and UTF-8 mislabelled as it once', () => {
  const every = Buffer.from(Array.from({ length: 256 }, (_, byte) => byte).filter((byte) => byte !== 0x3c && byte !== 0x26));
  const latin = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><p>'), every, Buffer.from('</p>')]);
  assert.equal(decodeXml(latin).text, iconv.decode(latin, 'iso-8859-1'));
  const mislabelled = file(Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><p>Décès</p>'));
  assert.deepEqual(decodeXmlDocument(mislabelled, 'nitf'), { text: '<?xml version="1.0" encoding="ISO-8859-1"?><p>Décès</p>', encoding: 'utf-8' });
  assert.deepEqual(mislabelled.messages.map((message) => message.rule), ['encoding/mislabelled']);
});

test('reads an attribute by its local name whatever its prefix, and nothing the prototype holds', () => {
  const root = parseXml(file('<a xmlns:x="urn:x" x:kind="k" plain="p"/>'), 'nitf');
  assert.deepEqual([attribute(root, 'kind'), attribute(root, 'plain'), attribute(root, 'toString'), attribute(root, 'x')], ['k', 'p', null, 'urn:x']);
});
