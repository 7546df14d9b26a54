import { bearer, createTestbed, type Testbed } from './support/apiTestbed.js';

// Department codes in the official formats: provincial unit codes with
// hyphens and agency electronic identifiers with dots.

let tb: Testbed;
beforeAll(async () => {
  tb = await createTestbed();
});
afterAll(() => tb.close());

test('an administrator adds departments coded HO-QLDT and 000.00.12.H26; malformed codes are refused with the reason', async () => {
  const admin = bearer(tb.admin);
  const hyphen = await tb.api.post('/api/departments').set(admin).send({ code: 'HO-QLDT', name: 'Phòng Quản lý đô thị', agency: 'UBND xã Đông Anh' }).expect(201);
  expect(hyphen.body).toEqual({ code: 'HO-QLDT', name: 'Phòng Quản lý đô thị', agency: 'UBND xã Đông Anh' });
  await tb.api.post('/api/departments').set(admin).send({ code: '000.00.12.H26', name: 'Văn phòng UBND xã', agency: 'UBND xã Đông Anh' }).expect(201);
  const listed = (await tb.api.get('/api/departments').set(admin).expect(200)).body.items.map((d: { code: string }) => d.code);
  expect(listed).toEqual(expect.arrayContaining(['HO-QLDT', '000.00.12.H26']));
  // The code is accepted as a path parameter too (a malformed one would be a 404 naming the department).
  const noWebhook = await tb.api.delete('/api/departments/HO-QLDT/webhook').set(admin).expect(404);
  expect(noWebhook.body.detail).toMatch(/webhook/i);

  for (const code of ['HO QLDT', 'Sở-XD', '-HO']) {
    const refused = await tb.api.post('/api/departments').set(admin).send({ code, name: 'x', agency: 'y' }).expect(400);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(JSON.stringify(refused.body)).toMatch(/code/);
  }
});
