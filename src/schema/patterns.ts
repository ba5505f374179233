// The forms of the plan language's ids, references and durations, as patterns: the schema's
// definitions use them (helpers.ts), and so does what runs without TypeBox (the fixes of
// src/validate/keywords/ that rewrite a value into the form these patterns ask for).

export const ID_PATTERN = '^[a-z0-9][a-z0-9-]*$';
export const REF_PATTERN = '^([a-z0-9][a-z0-9-]*#)?[a-z0-9][a-z0-9-]*$';
// At most four digits before the point: plans are not scheduled centuries ahead, and a
// bound keeps date arithmetic and simulation on sane numbers.
export const DURATION_PATTERN = '^(0|[1-9][0-9]{0,3})(\\.[0-9]+)?[hdw]$';
export const LAG_PATTERN = '^-?(0|[1-9][0-9]{0,3})(\\.[0-9]+)?[hdw]$';
/** The largest number of working days a duration or lag may be. */
export const MAX_DAYS = 10_000;
