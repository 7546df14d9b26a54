import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { DocumentTooLargeError } from '../../engine/documents/documentErrors.js';
import { openBackend, type Backend } from './support/s3Server.js';

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A source that sends some bytes, then fails like a client that went away. */
function brokenSource(bytes: Buffer): Readable {
  let sent = false;
  return new Readable({
    read() {
      if (!sent) {
        sent = true;
        this.push(bytes);
      } else {
        this.destroy(new Error('the client went away'));
      }
    },
  });
}

describe.each(['files', 's3'] as const)('document storage on %s', (name) => {
  let backend: Backend;
  beforeAll(async () => {
    backend = await openBackend(name);
  });
  afterAll(() => backend.close());

  it('stores a file under its SHA-256 and gives back the same bytes', async () => {
    const bytes = randomBytes(300_000);
    const staged = await backend.storage.stage(Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]), 1_000_000);
    expect(staged).toMatchObject({ sha256: sha(bytes), size: bytes.length });
    expect(await backend.storage.commit(staged)).toEqual({ created: true });
    expect(await backend.storage.exists(sha(bytes))).toBe(true);
    expect(sha(await buffer(await backend.storage.open(sha(bytes))))).toBe(sha(bytes));
    expect(await backend.stagingCount()).toBe(0);
  });

  it('stores the same file twice once', async () => {
    const bytes = randomBytes(5000);
    const before = await backend.objectCount();
    expect(await backend.storage.commit(await backend.storage.stage(Readable.from([bytes]), 10_000))).toEqual({ created: true });
    expect(await backend.storage.commit(await backend.storage.stage(Readable.from([bytes]), 10_000))).toEqual({ created: false });
    expect(await backend.objectCount()).toBe(before + 1);
  });

  it('refuses a file over the limit and keeps nothing of it', async () => {
    const before = await backend.objectCount();
    await expect(backend.storage.stage(Readable.from([randomBytes(6000), randomBytes(6000)]), 10_000)).rejects.toBeInstanceOf(DocumentTooLargeError);
    expect(await backend.stagingCount()).toBe(0);
    expect(await backend.objectCount()).toBe(before);
  });

  it('keeps nothing of an upload that breaks off', async () => {
    const before = await backend.objectCount();
    await expect(backend.storage.stage(brokenSource(randomBytes(2000)), 10_000)).rejects.toThrow('went away');
    expect(await backend.stagingCount()).toBe(0);
    expect(await backend.objectCount()).toBe(before);
  });

  it('discards a staged file and removes an object', async () => {
    const bytes = randomBytes(1000);
    const discarded = await backend.storage.stage(Readable.from([bytes]), 10_000);
    await backend.storage.discard(discarded);
    expect(await backend.stagingCount()).toBe(0);
    expect(await backend.storage.exists(sha(bytes))).toBe(false);
    await backend.storage.commit(await backend.storage.stage(Readable.from([bytes]), 10_000));
    await backend.storage.remove(sha(bytes));
    expect(await backend.storage.exists(sha(bytes))).toBe(false);
    await expect(backend.storage.open(sha(bytes))).rejects.toThrow();
  });
});
