/**
 * Checkpoints in the background: a worker thread with its own connection copies the
 * write-ahead log into the database file while the ingest goes on.
 *
 * In WAL mode every commit appends to the log, and a checkpoint copies the log back
 * into the database and syncs it. SQLite's automatic checkpoint runs inside the commit
 * that crosses the threshold, so the writer waits for the copy and the sync: at the
 * Reuters corpus, about 40 µs per story, most of it waiting for the disk. Here a
 * passive checkpoint runs every `intervalMs` on another thread and never blocks the
 * writer (passive: it copies what no reader still needs and stops at what it cannot).
 * The writer keeps a far higher automatic threshold as a safety valve, for a disk that
 * cannot keep up.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('busy_timeout = 0');
const checkpoint = () => { try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {} };
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export class Checkpointer {
  private readonly worker: Worker;
  private readonly exited: Promise<void>;

  constructor(path: string, intervalMs = 50) {
    const module = createRequire(import.meta.url).resolve('better-sqlite3');
    // No execArgv: the worker needs none of the parent's loaders.
    this.worker = new Worker(WORKER, { eval: true, workerData: { module, path, intervalMs }, execArgv: [] });
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()));
    // A failed checkpointer costs speed, not data: the writer's own threshold still checkpoints.
    this.worker.on('error', () => {});
    this.worker.unref();
  }

  /** Stops the worker and closes its connection (before the writer's, so that the writer's close can remove the log). */
  async stop(): Promise<void> {
    // Held open while it stops: an unreferenced worker does not keep the event loop waiting for it.
    this.worker.ref();
    this.worker.postMessage('stop');
    await this.exited;
  }
}
