// How many columns a terminal gives text: two for East Asian wide and fullwidth characters
// (CJK) and emoji, none for combining marks and other zero-width characters, one for the
// rest. The widths come from get-east-asian-width (Unicode's East Asian Width table);
// emoji sequences are joined here. string-width does all of it, but loading it costs about
// 30 ms at every start (it builds ICU's grapheme segmenter), for code frames that seldom
// show anything but ASCII; a test compares the two.
import { eastAsianWidth } from 'get-east-asian-width';

const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}\p{Default_Ignorable_Code_Point}]$/u;
const PICTOGRAPHIC = /^\p{Extended_Pictographic}$/u;
const PLAIN = /^[\x20-\x7e]*$/;
const KEYCAP = /^[0-9#*]$/;

export function displayWidth(text: string): number {
  if (PLAIN.test(text)) return text.length;
  let width = 0;
  let joined = false;
  let previous = '';
  let widened = false;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code === 0x200d) {
      // A zero-width joiner makes one emoji of two (👩 + 💻 → 👩‍💻).
      joined = PICTOGRAPHIC.test(previous);
      continue;
    }
    if (code === 0xfe0f || code === 0x20e3) {
      // Emoji presentation: a pictograph drawn narrow as text (❤), or a keycap (1️⃣), is
      // drawn wide.
      const narrow = PICTOGRAPHIC.test(previous) ? eastAsianWidth(previous.codePointAt(0)!) === 1 : KEYCAP.test(previous);
      if (narrow && !widened) width += 1;
      widened = true;
      continue;
    }
    // Hangul vowel and final jamo join the leading one before them into one syllable.
    if (ZERO_WIDTH.test(char) || (code >= 0x1160 && code <= 0x11ff) || (code >= 0xd7b0 && code <= 0xd7ff)) continue;
    // A skin tone after an emoji, or a pictograph joined to one, is part of its drawing.
    const modifier = code >= 0x1f3fb && code <= 0x1f3ff;
    if ((joined && PICTOGRAPHIC.test(char)) || (modifier && PICTOGRAPHIC.test(previous))) {
      joined = false;
      continue;
    }
    joined = false;
    width += eastAsianWidth(code);
    previous = char;
    widened = false;
  }
  return width;
}
