import { invalidEncoding } from '../diagnostics/catalogue.ts';
import type { Diagnostics } from '../diagnostics/sink.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const lossy = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/**
 * Bytes → text. Plan files are UTF-8; anything else is reported at the first bad byte and
 * decoded lossily, so the code frame can still show the line.
 * A UTF-8 byte order mark is dropped by the decoder; `bom` says there was one (a file
 * written back, as `planc fix` does, keeps it).
 */
export function decode(bytes: Uint8Array, file: string, diagnostics: Diagnostics): { text: string; ok: boolean; bom: boolean } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    diagnostics.report(invalidEncoding, { encoding: 'UTF-16' }, { file, span: { start: 0, end: 2 }, pointer: '' });
    return { text: '', ok: false, bom: false };
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const nul = bytes.indexOf(0);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const bad = firstInvalidByte(bytes);
    const offset = lossy.decode(bytes.subarray(0, bad)).length;
    diagnostics.report(
      invalidEncoding,
      { encoding: 'Latin-1 or Windows-1252' },
      { file, span: { start: offset, end: offset + 1 }, pointer: '' },
    );
    return { text: lossy.decode(bytes), ok: false, bom };
  }
  if (nul !== -1) {
    const offset = text.indexOf('\0');
    diagnostics.report(invalidEncoding, { encoding: 'binary' }, { file, span: { start: offset, end: offset + 1 }, pointer: '' });
    return { text, ok: false, bom };
  }
  return { text, ok: true, bom };
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
export function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) { i += 1; continue; }
    else if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    let code = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}
