/**
 * exceljs (4.4.0) with one fix: its streaming reader decodes each chunk of a worksheet's XML
 * on its own (lib/utils/parse-sax.js, `bufferToString(chunk)`), so a Chinese character cut by
 * a chunk boundary becomes U+FFFD — a large XLSX import then reports "bytes that are neither
 * UTF-8 nor GBK" on rows that are fine. The replacement decodes with one streaming
 * TextDecoder per worksheet; it is put in Node's module cache before exceljs first loads, so
 * every reader of exceljs uses it. Contract: import ExcelJS from here, never from 'exceljs'.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const path = require.resolve('exceljs/lib/utils/parse-sax.js');
// saxes as exceljs itself loads it (a dependency of exceljs, not of ours).
const { SaxesParser } = createRequire(path)('saxes') as { SaxesParser: new () => { on(e: string, f: (v: unknown) => void): void; write(s: string): void } };

type SaxEvent = { eventType: string; value: unknown };

async function* parseSax(iterable: AsyncIterable<Buffer | string>): AsyncGenerator<SaxEvent[]> {
  const parser = new SaxesParser();
  const decoder = new TextDecoder('utf-8');
  let error: unknown;
  let events: SaxEvent[] = [];
  parser.on('error', (e) => { error = e; });
  for (const eventType of ['opentag', 'text', 'closetag']) parser.on(eventType, (value) => events.push({ eventType, value }));
  for await (const chunk of iterable) {
    parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    if (error) throw error;
    yield events;
    events = [];
  }
  const rest = decoder.decode();
  if (rest) {
    parser.write(rest);
    if (error) throw error;
    yield events;
  }
}

if (!require.cache[path]) {
  require.cache[path] = { id: path, filename: path, loaded: true, exports: parseSax, children: [], paths: [] } as unknown as NodeJS.Module;
}

const ExcelJS = require('exceljs') as typeof import('exceljs');
export default ExcelJS;
