// The real yaml-language-server (Red Hat's, which the VS Code YAML extension, JetBrains'
// LSP support and Neovim's lspconfig run), started over stdio and driven through the
// protocol's own client library: documents opened, completions, hovers and diagnostics
// asked for as an editor asks.
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import {
  CompletionRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type CompletionItem,
  type Diagnostic,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';

const require = createRequire(import.meta.url);
const SERVER = require.resolve('yaml-language-server/bin/yaml-language-server');

export interface YamlServer {
  /** Opens a document (a file URL, or a name: `file:///planc-test/<name>`) and resolves with the first diagnostics the server publishes for it. */
  open(name: string, text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }>;
  complete(uri: string, line: number, character: number): Promise<CompletionItem[]>;
  /** The hover's markdown, or '' when there is none. */
  hover(uri: string, line: number, character: number): Promise<string>;
  close(): Promise<void>;
}

/** Starts the server with `schema` (a file URL) for every `*.plan.yaml`, as `yaml.schemas` in an editor's settings does. */
export async function startYamlServer(schema: string): Promise<YamlServer> {
  const child: ChildProcess = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const connection: ProtocolConnection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const settings = { validate: true, hover: true, completion: true, schemas: { [schema]: '*.plan.yaml' }, schemaStore: { enable: false } };
  connection.onRequest(ConfigurationRequest.type, (params) => params.items.map((item) => (item.section === 'yaml' ? settings : null)));
  const waiting = new Map<string, (diagnostics: Diagnostic[]) => void>();
  connection.onNotification(PublishDiagnosticsNotification.type, ({ uri, diagnostics }) => {
    waiting.get(uri)?.(diagnostics);
    waiting.delete(uri);
  });
  connection.listen();
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: null,
    capabilities: {
      textDocument: { completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown'] } }, hover: { contentFormat: ['markdown'] } },
      workspace: { configuration: true },
    },
  });
  await connection.sendNotification(InitializedNotification.type, {});
  return {
    async open(name, text) {
      const uri = name.startsWith('file:') ? name : `file:///planc-test/${name}`;
      const published = new Promise<Diagnostic[]>((done) => waiting.set(uri, done));
      await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text } });
      return { uri, diagnostics: await published };
    },
    async complete(uri, line, character) {
      const result = await connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character } });
      return result === null ? [] : Array.isArray(result) ? result : result.items;
    },
    async hover(uri, line, character) {
      const result = await connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } });
      const contents = result?.contents;
      if (!contents) return '';
      return typeof contents === 'string' ? contents : 'value' in contents ? contents.value : contents.map((part) => (typeof part === 'string' ? part : part.value)).join('\n');
    },
    async close() {
      await connection.sendRequest(ShutdownRequest.type);
      await connection.sendNotification(ExitNotification.type);
      connection.dispose();
      await new Promise((done) => (child.exitCode !== null ? done(undefined) : child.once('exit', done)));
    },
  };
}
