// Plan text inside Mermaid: what the escaping must keep out of Mermaid's way.
import { describe, expect, it } from 'vitest';
import { label } from '../../src/emit/mermaid/text.ts';

describe('flowchart labels', () => {
  it("never match the pattern Mermaid uses to protect `style …: …#…;` statements from entity decoding", () => {
    // Mermaid's encodeEntities skips text matching /style.*:\S*#.*;/ and the label's last
    // entity is then shown as code ("#62" for ">"): a colon written as an entity cannot match.
    for (const text of ['Restyle the header:#1 <urgent>', 'style: a#b;', 'classDef x fill:#f00;', 'Lifestyle: 50% <done>']) {
      expect(/style.*:\S*#.*;/.test(label(text)), text).toBe(false);
      expect(/classDef.*:\S*#.*;/.test(label(text)), text).toBe(false);
    }
  });
});
