// A workflow's comment step run for real, as Actions runs a step (`bash -eo pipefail`), with
// a stand-in for `gh` that answers from canned comments and logs every call it gets.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

/**
 * Runs `script` in a fresh folder of `work` holding `file` with `content`; `gh api` lists
 * `comments` through its `--jq` (raw output, as gh prints); other calls are logged with the
 * first line of the body they send. Returns the log, one line a call.
 */
export function runCommentStep(work: string, script: string, file: string, content: string, comments: unknown[]): string[] {
  const dir = mkdtempSync(join(work, 'step-'));
  mkdirSync(join(dir, 'bin'));
  writeFileSync(join(dir, file), content);
  writeFileSync(join(dir, 'comments.json'), JSON.stringify(comments));
  writeFileSync(
    join(dir, 'bin', 'gh'),
    [
      '#!/bin/bash',
      'echo "gh $*" >> "$LOG"',
      'jq=""; method=GET; body=""',
      'while [ $# -gt 0 ]; do case "$1" in --jq) jq="$2"; shift;; --method) method="$2"; shift;; -F) body="$2"; shift;; esac; shift; done',
      'if [ "$method" = GET ]; then jq -r "$jq" "$COMMENTS"; else echo "body: $(head -n 1 "${body#body=@}")" >> "$LOG"; fi',
      '',
    ].join('\n'),
  );
  chmodSync(join(dir, 'bin', 'gh'), 0o755);
  const log = join(dir, 'log');
  writeFileSync(log, '');
  // As Actions runs a step (`bash --noprofile --norc -eo pipefail`); --norc also because bash reads ~/.bashrc when it thinks it was started remotely.
  const result = spawnSync('bash', ['--norc', '--noprofile', '-eo', 'pipefail', '-c', script], {
    stdio: ['ignore', 'pipe', 'pipe'],
    cwd: dir,
    encoding: 'utf8',
    env: { PATH: `${join(dir, 'bin')}:${process.env.PATH}`, LOG: log, COMMENTS: join(dir, 'comments.json'), GH_TOKEN: 'token', PR: '5', GITHUB_REPOSITORY: 'acme/shop' },
  });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return readFileSync(log, 'utf8').trim().split('\n');
}
