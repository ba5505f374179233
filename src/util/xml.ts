// Text for XML 1.0 documents (JUnit reports). Not a library: writing one flat document
// needs only this escaping, and the XML builders on npm bring a whole DOM to do it. The
// rules are XML 1.0 §2.2 (the characters a document may hold) and §2.4 (markup).

/** Characters XML 1.0 cannot hold at all, not even as references: C0 controls but tab, LF and CR; lone surrogates; U+FFFE, U+FFFF. */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Whether text needs anything done to it (most does not: the common case returns at once). */
const NEEDS_ESCAPE = /[&<>"\r\n\t\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\ud800-\udfff]/;

/** Text for an element's content: markup escaped, characters XML cannot hold shown as `\u{…}`. */
export function escapeXml(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return (
    text
      .replace(NOT_XML, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      // A parser reads CR LF and a lone CR as LF (§2.11); a reference keeps the CR.
      .replace(/\r/g, '&#13;')
  );
}

/** Text for an attribute's value, in double quotes: also the quote, and line breaks and tabs, which a parser would turn into spaces (§3.3.3). */
export function escapeXmlAttribute(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return escapeXml(text).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}
