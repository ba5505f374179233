import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lex, Parser, parseDocument, parseAllDocuments } from "yaml";
import jsyaml from 'js-yaml';
const folder = process.argv[2];
const texts = readdirSync(folder).map((n) => readFileSync(join(folder, n), 'utf8'));
const total = texts.reduce((s, t) => s + t.length, 0);
function time(name, f) { const runs = []; for (let r = 0; r < 5; r++) { const s = performance.now(); f(); runs.push(performance.now() - s); } runs.sort((a,b)=>a-b); console.log(name.padEnd(30), runs[2].toFixed(0), 'ms'); }
time('yaml lexer', () => { for (const t of texts) { let n = 0; for (const tok of lex(t)) n++; } });
time('yaml parser (CST)', () => { for (const t of texts) { for (const tok of new Parser().parse(t)) {} } });
time('yaml parseDocument', () => { for (const t of texts) parseDocument(t); });
time('yaml parseDocument+toJS', () => { for (const t of texts) parseDocument(t).toJS(); });
time('js-yaml load', () => { for (const t of texts) jsyaml.load(t); });
let events = 0;
time('js-yaml load+listener', () => { for (const t of texts) jsyaml.load(t, { listener: (e, s) => { events++; } }); });
time('JSON.parse equiv', () => { for (const t of texts) JSON.parse(JSON.stringify(jsyaml.load(t))); });
console.log('bytes', total);
