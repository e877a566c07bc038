import { expect, test } from 'vitest';
import { checkServerAddress, isBrandCode } from './address';

test.each([
  ['wss://sync.agenzia.it', 'wss://sync.agenzia.it'],
  ['  wss://sync.agenzia.it:8443/spalla/  ', 'wss://sync.agenzia.it:8443/spalla'],
  ['ws://127.0.0.1:1234', 'ws://127.0.0.1:1234'],
  ['ws://localhost:1234/', 'ws://localhost:1234'],
  ['ws://[::1]:1234', 'ws://[::1]:1234'],
  ['ws://192.168.1.20:1234', null],
  ['ws://localhost.example.com', null],
  ['http://127.0.0.1:1234', null],
  ['https://sync.agenzia.it', null],
  ['wss://user:secret@sync.agenzia.it', null],
  ['sync.agenzia.it', null],
  ['', null],
])('%j -> %j', (input, expected) => {
  expect(checkServerAddress(input)).toBe(expected);
});

test('brand codes are ids, nothing else', () => {
  expect(isBrandCode('0b7c0d9e-1c1e-4d52-9a43-6f1f2f1f0a11')).toBe(true);
  expect(isBrandCode('')).toBe(false);
  expect(isBrandCode('../x')).toBe(false);
  expect(isBrandCode('a'.repeat(201))).toBe(false);
  expect(isBrandCode(42)).toBe(false);
});
