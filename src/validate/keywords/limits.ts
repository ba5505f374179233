// Numbers out of their range; texts, lists and mappings too short or too long.
import { outOfRange } from '../../diagnostics/catalogue.ts';
import { plural } from '../../util/words.ts';
import { finding, type KeywordHandler } from './keyword.ts';

const BOUND_WORDS: Record<string, string> = {
  minimum: 'at least',
  maximum: 'at most',
  exclusiveMinimum: 'more than',
  exclusiveMaximum: 'less than',
};

/** minimum, maximum, exclusiveMinimum, exclusiveMaximum. */
export const bound: KeywordHandler = ({ error, source, pointer, params, at }) =>
  finding(
    outOfRange,
    { detail: `${String(error.data)} is out of range: it must be ${BOUND_WORDS[error.keyword]} ${String(params.limit)}`, hint: `Write a number ${BOUND_WORDS[error.keyword]} ${String(params.limit)}.` },
    at(source.valueSpan(pointer)),
  );

const SIZE_DETAILS: Record<string, (limit: number) => string> = {
  minLength: (limit) => (limit === 1 ? 'The text must not be empty' : `The text must be at least ${limit} characters long`),
  maxLength: (limit) => `The text is longer than ${limit} characters`,
  minItems: (limit) => `The list needs at least ${plural(limit, 'item')}`,
  maxItems: (limit) => `The list has more than ${limit} items`,
  minProperties: (limit) => `The mapping needs at least ${plural(limit, 'item')}`,
};

const SIZE_HINTS: Record<string, (limit: number) => string> = {
  minLength: (limit) => (limit === 1 ? 'Write some text here, or remove the key if it may be left out.' : `Write at least ${limit} characters.`),
  maxLength: (limit) => `Shorten it to ${limit} characters.`,
  minItems: (limit) => `Give it at least ${plural(limit, 'item')} (\`- …\`), or remove the key if it may be left out.`,
  maxItems: (limit) => `Keep at most ${limit} items.`,
  minProperties: (limit) => `Give it at least ${limit} ${limit === 1 ? 'entry' : 'entries'} (\`key: value\`), or remove the key if it may be left out.`,
};

/** minLength, maxLength, minItems, maxItems, minProperties. */
export const size: KeywordHandler = ({ error, source, pointer, params, at }) =>
  finding(outOfRange, { detail: SIZE_DETAILS[error.keyword]!(Number(params.limit)), hint: SIZE_HINTS[error.keyword]!(Number(params.limit)) }, at(source.valueSpan(pointer)));
