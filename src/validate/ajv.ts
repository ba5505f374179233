// ajv, set up for planc's schemas: draft 2020-12, strict, every error, and the keywords
// editors read registered as a vocabulary (strict mode rejects unknown keywords).
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

/** Keywords editors read (hover, completion) and planc's own message helper. */
export const EDITOR_KEYWORDS = [
  'markdownDescription',
  'markdownEnumDescriptions',
  'enumDescriptions',
  'defaultSnippets',
  'patternDescription',
  'patternErrorMessage',
];

const addFormats = (addFormatsModule as unknown as { default: typeof addFormatsModule }).default ?? addFormatsModule;

export function createAjv(options: { standalone?: boolean } = {}): Ajv2020 {
  const ajv = new Ajv2020({
    strict: true,
    allErrors: true,
    verbose: true,
    allowUnionTypes: true,
    ...(options.standalone ? { code: { source: true, esm: true } } : {}),
  });
  ajv.addVocabulary(EDITOR_KEYWORDS);
  (addFormats as unknown as (ajv: Ajv2020, formats: string[]) => void)(ajv, ['date']);
  return ajv;
}
