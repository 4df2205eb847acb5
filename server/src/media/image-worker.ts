import { Worker } from 'node:worker_threads';

/**
 * Decoding and resizing run in this worker thread, never on the thread that serves requests: a large picture
 * takes seconds of pure-JS work (jimp). One worker, one picture at a time, so image work holds at most one core;
 * a decode that runs away (time or memory) kills only the worker, which is replaced for the next picture.
 * The worker's code is a string so it loads the same under tsc's build and under ts-jest.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { Jimp } = require(workerData.jimpPath);
parentPort.on('message', async ({ bytes, size, quality }) => {
  try {
    const image = await Jimp.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    if (Math.max(image.width, image.height) > size) image.scaleToFit({ w: size, h: size });
    parentPort.postMessage({ bytes: await image.getBuffer('image/jpeg', { quality }) });
  } catch (error) {
    parentPort.postMessage({ error: String((error && error.message) || error) });
  }
});
`;

const DECODE_TIMEOUT_MS = 30_000;

export class ImageWorker {
  private worker: Worker | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  /**
   * The picture decoded in full and written again as a JPEG no larger than `size` on its longest side (nothing
   * of the original file survives: no trailing payload, no metadata). Rejects when it cannot be decoded.
   */
  reencode(bytes: Buffer, size: number, quality: number): Promise<Buffer> {
    const job = this.queue.then(() => this.run(bytes, size, quality));
    this.queue = job.catch(() => undefined);
    return job;
  }

  async destroy(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private run(bytes: Buffer, size: number, quality: number): Promise<Buffer> {
    const worker = this.started();
    return new Promise<Buffer>((resolve, reject) => {
      const settle = (fail?: Error, result?: Buffer) => {
        clearTimeout(timer);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        if (fail) reject(fail);
        else resolve(result!);
      };
      const replace = () => {
        if (this.worker === worker) this.worker = undefined;
        void worker.terminate();
      };
      const onMessage = (message: { bytes?: Uint8Array; error?: string }) =>
        message.bytes
          ? settle(undefined, Buffer.from(message.bytes))
          : settle(new Error(message.error ?? 'decode failed'));
      const onError = (error: Error) => {
        replace();
        settle(error);
      };
      const onExit = () => {
        replace();
        settle(new Error('the image worker stopped'));
      };
      const timer = setTimeout(() => {
        replace();
        settle(new Error('decoding took too long'));
      }, DECODE_TIMEOUT_MS);
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      worker.postMessage({ bytes, size, quality });
    });
  }

  private started(): Worker {
    if (!this.worker) {
      this.worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { jimpPath: require.resolve('jimp') },
        // A decode bomb that slips past the pixel cap runs out of this heap, not the server's.
        resourceLimits: { maxOldGenerationSizeMb: 512 },
      });
      this.worker.unref();
    }
    return this.worker;
  }
}
