import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeBytes } from '../src/io/decode.js';
import { sourceFromBytes } from '../src/io/read.js';
import { InputError } from '../src/errors.js';

const SAMPLE = '今年经济社会发展的主要预期目标是：地区生产总值增长5%左右。';

describe('decodeBytes', () => {
  it('reads UTF-8 without BOM', () => {
    const r = decodeBytes(Buffer.from(SAMPLE, 'utf8'));
    expect(r).toEqual({ ok: true, text: SAMPLE, encoding: 'utf-8' });
  });

  it('reads UTF-8 with BOM and drops the BOM', () => {
    const r = decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE, 'utf8')]));
    expect(r).toEqual({ ok: true, text: SAMPLE, encoding: 'utf-8-bom' });
  });

  it('reads UTF-16 LE and BE with BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE, 'utf16le')]);
    expect(decodeBytes(le)).toEqual({ ok: true, text: SAMPLE, encoding: 'utf-16le' });
    const beBody = Buffer.from(SAMPLE, 'utf16le').swap16();
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), beBody]);
    expect(decodeBytes(be)).toEqual({ ok: true, text: SAMPLE, encoding: 'utf-16be' });
  });

  it('falls back to GB18030 for GBK bytes that are not UTF-8', () => {
    const gbk = iconv.encode(SAMPLE, 'gbk');
    const r = decodeBytes(gbk);
    expect(r).toEqual({ ok: true, text: SAMPLE, encoding: 'gb18030' });
  });

  it('rejects NUL bytes, PDF and ZIP signatures as binary', () => {
    expect(decodeBytes(Buffer.from([0x41, 0x00, 0x42]))).toMatchObject({ ok: false, reason: 'binary' });
    expect(decodeBytes(Buffer.from('%PDF-1.7\n...', 'latin1'))).toMatchObject({ ok: false, reason: 'binary', detail: expect.stringContaining('PDF') });
    expect(decodeBytes(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toMatchObject({ ok: false, reason: 'binary', detail: expect.stringContaining('ZIP') });
  });

  it('rejects bytes that are neither UTF-8 nor plausible Chinese', () => {
    const junk = Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc, 0x80, 0x81, 0xfe, 0xff, 0xfe]);
    expect(decodeBytes(junk)).toMatchObject({ ok: false });
  });
});

describe('sourceFromBytes', () => {
  it('extracts visible HTML text with block elements as lines', async () => {
    const html = '<html><head><title>t</title><style>p{color:red}</style><script>var x="隐藏";</script></head><body><h1>政府工作报告</h1><p>地区生产总值增长<b>5%</b>左右。</p><div>下一段。</div></body></html>';
    const s = await sourceFromBytes('report.html', Buffer.from(html));
    expect(s.format).toBe('html');
    expect(s.text).toContain('政府工作报告');
    expect(s.text).toContain('地区生产总值增长5%左右。\n下一段。');
    expect(s.text).not.toContain('隐藏');
    expect(s.text).not.toContain('color');
  });

  it('treats HTML saved as .txt as HTML', async () => {
    const s = await sourceFromBytes('saved.txt', Buffer.from('<!DOCTYPE html><html><body><p>第一段。</p><p>第二段。</p></body></html>'));
    expect(s.format).toBe('html');
    expect(s.text).toBe('第一段。\n第二段。');
  });

  it.each([
    ['empty', Buffer.alloc(0), 'empty'],
    ['whitespace only', Buffer.from(' \r\n\t\u3000\n', 'utf8'), 'empty'],
    ['NUL bytes', Buffer.from([0xe4, 0xbb, 0x8a, 0x00, 0x00, 0x01]), 'binary'],
    ['a PDF renamed .txt', Buffer.from('%PDF-1.4 binary', 'latin1'), 'binary'],
    ['a ZIP renamed .txt', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), 'binary'],
  ])('rejects %s with a one-line InputError', async (_label, bytes, code) => {
    const err = await sourceFromBytes('bad.txt', bytes).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).code).toBe(code);
    expect((err as InputError).toLine()).toMatch(/^bad\.txt: /);
    expect((err as InputError).toLine()).not.toContain('\n');
  });

  it('rejects input over the size limit', async () => {
    const err = await sourceFromBytes('big.txt', Buffer.alloc(2048, 0x41), { maxBytes: 1024 }).catch((e: unknown) => e);
    expect((err as InputError).code).toBe('too-large');
  });

  it('rejects a .docx that is not a Word file', async () => {
    const err = await sourceFromBytes('fake.docx', Buffer.from('plain text')).catch((e: unknown) => e);
    expect((err as InputError).code).toBe('binary');
  });
});

describe('.docx', () => {
  it('reads the text of a Word document', async () => {
    const JSZip = (await import('jszip')).default;
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
    zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
    zip.file('word/document.xml', '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>二、2024年工作安排</w:t></w:r></w:p><w:p><w:r><w:t>地区生产总值增长</w:t></w:r><w:r><w:t>４％以上。</w:t></w:r></w:p></w:body></w:document>');
    const buf = await zip.generateAsync({ type: 'nodebuffer' });
    const s = await sourceFromBytes('report.docx', buf);
    expect(s.format).toBe('docx');
    expect(s.encoding).toBe('docx');
    expect(s.text).toBe('二、2024年工作安排\n地区生产总值增长4%以上。');
  });
});

describe('truncated UTF-8', () => {
  it('keeps a UTF-8 report cut inside its last character, dropping only the partial character, with a note', async () => {
    const bytes = Buffer.from('地区生产总值增长5%左右。今年', 'utf8');
    const cut = bytes.subarray(0, bytes.length - 1); // inside 年
    const s = await sourceFromBytes('cut.txt', cut);
    expect(s.encoding).toBe('utf-8');
    expect(s.text).toBe('地区生产总值增长5%左右。今');
    expect(s.notes).toEqual(['ends inside a UTF-8 character (truncated file?); its last 2 bytes were dropped']);
  });

  it('does not treat invalid UTF-8 in the middle as truncation (it goes on to the GB18030 check)', () => {
    const bytes = Buffer.concat([Buffer.from('增长', 'utf8'), Buffer.from([0xe5, 0x41]), Buffer.from('左右', 'utf8')]);
    const r = decodeBytes(bytes);
    expect(r.ok && r.encoding === 'utf-8').toBe(false);
  });
});
