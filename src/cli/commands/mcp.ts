// `planc mcp`: the library's MCP server on standard input and output. Standard output
// carries the protocol alone; every log line goes to standard error. The server ends when
// its client closes standard input (or the transport closes), and then planc exits.
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { ErrorCode, type JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { createMcpServer } from '../../api/mcp/server.ts';
import { VERSION } from '../../version.ts';
import { EXIT, UsageError, type Io } from '../io.ts';
import type { ParsedArgs } from './index.ts';

/** The longest message read (bytes): a plan at the size limit, escaped, several times over; past it the client is cut off. */
const MAX_MESSAGE = 32 * 1024 * 1024;

export async function run({ values, positionals }: ParsedArgs, io: Io): Promise<number> {
  if (positionals.length > 0) throw new UsageError('`planc mcp` takes no arguments', 'An MCP client starts it: see the README for the .mcp.json entry.');
  if (!io.streams) throw new UsageError('`planc mcp` speaks MCP over standard input and output: run it as a process, as an MCP client does');
  const { stdin, stdout } = io.streams;
  const log = (line: string) => io.stderr.write(`${line}\n`);
  const { server, root, idle } = createMcpServer({ cwd: io.cwd, ...(values.config !== undefined ? { config: String(values.config) } : {}), log });
  const transport = new StdioServerTransport(stdin, stdout, { maxBufferSize: MAX_MESSAGE });
  const closed = new Promise<void>((resolve) => {
    stdin.once('end', resolve);
    stdin.once('close', resolve);
  });
  await server.connect(transport);
  const protocolClosed = new Promise<void>((resolve) => {
    const previous = transport.onclose;
    transport.onclose = () => {
      previous?.();
      resolve();
    };
  });
  // A line that is not JSON, or not a JSON-RPC message, is answered with JSON-RPC's error
  // (no id: none could be read) and logged; the server reads on.
  server.server.onerror = (error) => {
    const malformed = error instanceof SyntaxError ? ErrorCode.ParseError : (error as { name?: string }).name === 'ZodError' ? ErrorCode.InvalidRequest : undefined;
    if (malformed === undefined) {
      log(`planc mcp: ${error.message}`);
      return;
    }
    const message = malformed === ErrorCode.ParseError ? 'Parse error: the message is not JSON' : 'Invalid request: the message is not a JSON-RPC message';
    log(`planc mcp: ${message}`);
    transport.send({ jsonrpc: '2.0', error: { code: malformed, message } } as unknown as JSONRPCMessage).catch(() => undefined);
  };
  log(`planc mcp ${VERSION}: serving the plans of ${root} over stdio`);
  await Promise.race([closed, protocolClosed]);
  // Standard input is closed: what was asked before is answered, then the server closes.
  await idle();
  await server.close();
  return EXIT.clean;
}
