// PixabotsError, shaped as the Node binding's, plus `code` (the status name,
// as Node's own errors carry one), and the argument checks that throw it.
import { STATUS_NAMES } from './abi.js';

/** pxb_status values by name. */
export const Status = Object.freeze(Object.fromEntries(STATUS_NAMES.map((name, i) => [name, i])));

/** A failure: `code` and `status` name the pxb_status, `statusCode` is its number. */
export class PixabotsError extends Error {
  constructor(status, message, options) {
    super(message, options);
    this.name = 'PixabotsError';
    this.statusCode = typeof status === 'number' ? status : Status[status];
    this.status = STATUS_NAMES[this.statusCode] ?? `STATUS_${this.statusCode}`;
    this.code = this.status;
  }
}

/** A value as an error message shows it. */
export function describe(value) {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'function') return 'a function';
  return String(value);
}

/** `value` unless it is not a string, or holds a NUL (C would cut it short there). */
export function requireString(value, what, code) {
  if (typeof value !== 'string') throw new PixabotsError(code, `${what} must be a string, not ${describe(value)}`);
  if (value.includes('\0')) throw new PixabotsError(code, `${what} ${describe(value)} must not contain NUL characters`);
  return value;
}

/** An ID as a string: anything else is INVALID_ID, as the library calls a bad ID. */
export function requireId(id) {
  return requireString(id, 'id', 'INVALID_ID');
}

/** An integer min..max, else `code` with the accepted range named. */
export function requireInt(value, what, code, min, max, range) {
  if (typeof value !== 'number') throw new PixabotsError(code, `${what} must be a number, not ${describe(value)}`);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new PixabotsError(code, `${what} ${value} is out of range: must be an integer ${range}`);
  }
  return value;
}

/** A number (the library checks its range and finiteness, with its own message). */
export function requireNumber(value, what, code) {
  if (typeof value !== 'number') throw new PixabotsError(code, `${what} must be a number, not ${describe(value)}`);
  return value;
}

export function requireBool(value, what, code) {
  if (typeof value !== 'boolean') throw new PixabotsError(code, `${what} must be a boolean, not ${describe(value)}`);
  return value;
}

/** Bytes as a Uint8Array view (no copy) of an ArrayBuffer or any ArrayBufferView. */
export function requireBytes(value, what, code = 'INVALID_ARGUMENT') {
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  throw new PixabotsError(code, `${what} must be a Uint8Array, ArrayBuffer or other ArrayBufferView, not ${describe(value)}`);
}
