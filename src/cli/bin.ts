// The process edge: real streams and the real exit code.
import { EXIT } from './io.ts';
import { run } from './main.ts';

export async function main(): Promise<void> {
  quietWhenClosed(process.stdout);
  quietWhenClosed(process.stderr);
  process.exitCode = await run(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    readStdin,
    onStop,
    streams: { stdin: process.stdin, stdout: process.stdout },
  });
}

/**
 * The first Ctrl-C (SIGINT) or SIGTERM asks the command to stop: it closes its watcher and
 * server and returns its exit code. A second one, while it does, ends planc at once
 * (exit code 130, as a shell reports an interrupted command).
 */
function onStop(listener: (signal: string) => void): () => void {
  let asked = false;
  const stop = (signal: NodeJS.Signals) => {
    if (asked) process.exit(130);
    asked = true;
    listener(signal);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return () => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  };
}

/**
 * A reader that stops early (`planc check | head -1`) closes the pipe; writing on makes
 * the stream emit EPIPE, which, unhandled, would end planc with a stack trace. planc then
 * writes nothing more to that stream and ends as it would have: with its own exit code.
 * Any other failure to write (a full disk: `planc check > /dev/full`) means the output is
 * lost: planc says so in one line on the other stream, if it can, and exits 2, as
 * `planc build` does when it cannot write its outputs.
 */
function quietWhenClosed(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    stream.destroy();
    if (error.code === 'EPIPE') return;
    const other = stream === process.stdout ? process.stderr : process.stdout;
    if (!other.destroyed) other.write(`planc: could not write to ${stream === process.stdout ? 'standard output' : 'standard error'}: ${error.code ?? error.message}\n`);
    process.exit(EXIT.usage);
  });
}

/** Standard input, read to its end (its bytes are decoded as a plan file's are). */
async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
