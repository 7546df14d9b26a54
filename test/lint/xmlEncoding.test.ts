import { decodeXml, XmlEncodingError } from '../../engine/bpmn/xmlEncoding.js';

// "Hồ sơ" is not Latin-1; "Café à Hà" is (à is in Latin-1, the rest ASCII).
const declaration = (encoding: string) => `<?xml version="1.0" encoding="${encoding}" standalone="yes"?>`;

describe('decoding an uploaded BPMN file', () => {
  it('reads the encoding its XML declaration names when the request names none', () => {
    const text = `${declaration('ISO-8859-1')}<a name="Café à Hà"/>`;
    expect(decodeXml(Buffer.from(text, 'latin1'), 'application/xml')).toBe(text);
    expect(decodeXml(Buffer.from(text, 'latin1'))).toBe(text);
  });

  it('lets the Content-Type charset win over the declaration, and a byte order mark over both', () => {
    const text = `${declaration('ISO-8859-1')}<a name="Hồ sơ"/>`;
    expect(decodeXml(Buffer.from(text, 'utf8'), 'application/xml; charset=UTF-8')).toBe(text);
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    expect(decodeXml(withBom, 'application/xml')).toBe(text);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<a name="Hồ sơ"/>', 'utf16le')]);
    expect(decodeXml(utf16)).toBe('<a name="Hồ sơ"/>');
  });

  it('defaults to UTF-8 and refuses bytes that are not valid in the encoding, never replacing them', () => {
    expect(decodeXml(Buffer.from('<a name="Hồ sơ"/>', 'utf8'))).toBe('<a name="Hồ sơ"/>');
    expect(() => decodeXml(Buffer.from(`${declaration('UTF-8')}<a name="Café"/>`, 'latin1'))).toThrow(XmlEncodingError);
    expect(() => decodeXml(Buffer.from('<a/>'), 'application/xml; charset=klingon')).toThrow(/"klingon" .*not one this server can read/);
  });
});
