// Plan text inside Mermaid: what the escaping must keep out of Mermaid's way.
import { describe, expect, it } from 'vitest';
import { accessibleText, label, wordLines } from '../../src/emit/mermaid/text.ts';

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

describe('labels in lines', () => {
  it('break between words only: an identifier longer than a line keeps a line of its own, whole', () => {
    expect(wordLines('Create feature flag USE_JWT_AUTH_FEATURE_FLAG_CONFIGURATION now', 20)).toEqual(['Create feature flag', 'USE_JWT_AUTH_FEATURE_FLAG_CONFIGURATION', 'now']);
    expect(label('Provision RS256 signing keys in Vault and publish the JWKS')).toBe('Provision RS256 signing keys<br>in Vault and publish the<br>JWKS');
    // Each line escaped on its own; the break is the only markup, and it is ours.
    expect(label('a <br> b', ' ', 3)).toBe('a<br>#60;br#62;<br>b');
  });

  it('keep what accessible text says: entity codes, not dropped characters', () => {
    expect(accessibleText('Keep A; drop <b> & 50%')).toBe('Keep A; drop #60;b#62; #38; 50#37;');
  });
});
