// planc's MCP server driven by the SDK's own client over stdio: `planc mcp` started as a
// client starts it (the real binary, standard input and output), its log read from
// standard error.
import { spawn } from 'node:child_process';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { BIN } from './repo.ts';

export interface McpConnection {
  client: Client;
  /** What the server wrote to standard error so far. */
  stderr(): string;
  /** A tool's result (content, structuredContent, isError). */
  call(name: string, args?: Record<string, unknown>): Promise<CallToolResult>;
  close(): Promise<void>;
}

export async function connect(cwd: string, args: string[] = []): Promise<McpConnection> {
  const transport = new StdioClientTransport({ command: process.execPath, args: [BIN, 'mcp', ...args], cwd, stderr: 'pipe', env: { PATH: process.env.PATH ?? '' } });
  let log = '';
  transport.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
  const client = new Client({ name: 'planc-tests', version: '1.0.0' });
  await client.connect(transport);
  return {
    client,
    stderr: () => log,
    call: async (name, input = {}) => (await client.callTool({ name, arguments: input })) as CallToolResult,
    close: () => client.close(),
  };
}

/** `planc mcp` as a bare process, for what the SDK's client would never send: lines written as given, lines read back. */
export function rawServer(cwd: string): { send(line: string): void; end(): void; exited: Promise<{ status: number | null; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, [BIN, 'mcp'], { cwd, stdio: ['pipe', 'pipe', 'pipe'], env: { PATH: process.env.PATH ?? '' } });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return {
    send: (line) => child.stdin.write(`${line}\n`),
    end: () => child.stdin.end(),
    exited: new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr }))),
  };
}

/** The structured content of a tool's result, typed as the test expects it. */
export function structured<T>(result: CallToolResult): T {
  if (result.isError) throw new Error(`the tool failed: ${JSON.stringify(result.content)}`);
  return result.structuredContent as T;
}

/** The text of a tool's result. */
export function text(result: CallToolResult): string {
  return result.content.map((part) => (part.type === 'text' ? part.text : '')).join('');
}
