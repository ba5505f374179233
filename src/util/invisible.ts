// Characters that do not show but act: control characters (all but tab and line feed) and
// the bidirectional embeddings, overrides and isolates, which can hide or reorder what a
// reader sees. Plan text may hold them (YAML's "\u202e" escapes); every output either
// drops them (documents, diagrams), shows them as escapes (the terminal) or escapes them
// (plan.json).

/** Any of them. */
export const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Every one of them, for `replace`. */
export const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'g');
