import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

/** A free loopback TCP port, found by letting the OS pick one. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

export type PrismServer = { url: string; stop: () => Promise<void>; log: () => string };

/**
 * Starts `prism mock <spec>` on loopback (static mode answers the spec's
 * examples; `dynamic` answers random schema-valid bodies) and waits until it
 * answers HTTP. Call stop() in afterAll.
 */
export async function startPrism(spec: string, options: { dynamic?: boolean; timeoutMs?: number } = {}): Promise<PrismServer> {
  const port = await freePort();
  const bin = resolve(process.cwd(), 'node_modules/.bin/prism');
  const args = ['mock', spec, '-p', String(port), '-h', '127.0.0.1', ...(options.dynamic ? ['-d'] : [])];
  const child: ChildProcess = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  const url = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 3000).unref();
    });
  const deadline = Date.now() + (options.timeoutMs ?? 40_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`prism exited early (${child.exitCode}): ${output}`);
    try {
      await fetch(`${url}/__ready`);
      return { url, stop, log: () => output };
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  await stop();
  throw new Error(`prism did not start within the timeout: ${output}`);
}
