/** A progress bar (cli-progress) on a terminal, periodic lines otherwise (CI logs). */
import { SingleBar, Presets } from 'cli-progress';

export async function withProgress<T>(what: string, total: number, run: (onProgress: (done: number, total: number) => void) => Promise<T>): Promise<T> {
  if (!process.stderr.isTTY) {
    let last = 0;
    return run((done, t) => {
      if (Date.now() - last > 2000) {
        last = Date.now();
        process.stderr.write(`${what}: ${done}/${t}\n`);
      }
    });
  }
  const bar = new SingleBar({ format: `${what} [{bar}] {percentage}% {value}/{total} eta {eta}s`, stream: process.stderr }, Presets.shades_classic);
  bar.start(total, 0);
  try {
    return await run((done, t) => {
      bar.setTotal(t);
      bar.update(done);
    });
  } finally {
    bar.stop();
  }
}
