import { describe, expect, it } from 'vitest';
import { fileUri } from '../../src/report/sarif-uri.js';
import { assertValidSarif } from '../helpers/schemas.js';

/** A minimal SARIF log with one location, to hold a URI against the official schema. */
function logWith(uri: string): string {
  return JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: 'plancheck' } }, results: [{ message: { text: 'x' }, locations: [{ physicalLocation: { artifactLocation: { uri } } }] }] }] });
}

describe('file names as SARIF artifact URIs', () => {
  it.each([
    { name: 'plain relative', file: 'data/2024-06.csv', uri: 'data/2024-06.csv' },
    { name: 'Chinese', file: 'data/苏州市民政数据.csv', uri: 'data/%E8%8B%8F%E5%B7%9E%E5%B8%82%E6%B0%91%E6%94%BF%E6%95%B0%E6%8D%AE.csv' },
    { name: 'space and #', file: 'data/June 2024 #2.csv', uri: 'data/June%202024%20%232.csv' },
    { name: '% ? and brackets', file: 'a%b?c[1](2).csv', uri: 'a%25b%3Fc%5B1%5D%282%29.csv' },
    { name: 'a colon in a relative name is not a scheme', file: 'c:d.csv', uri: 'c%3Ad.csv' },
    { name: 'Windows relative', file: 'data\\六月 数据.csv', uri: 'data/%E5%85%AD%E6%9C%88%20%E6%95%B0%E6%8D%AE.csv' },
    { name: 'Windows absolute', file: 'C:\\Users\\张三\\data #1.csv', uri: 'file:///C:/Users/%E5%BC%A0%E4%B8%89/data%20%231.csv' },
    { name: 'Windows absolute, forward slashes', file: 'D:/民政/2024.csv', uri: 'file:///D:/%E6%B0%91%E6%94%BF/2024.csv' },
    { name: 'UNC share', file: '\\\\server\\共享\\a b.csv', uri: 'file://server/%E5%85%B1%E4%BA%AB/a%20b.csv' },
    { name: 'POSIX absolute', file: '/home/王五/数据 1.csv', uri: 'file:///home/%E7%8E%8B%E4%BA%94/%E6%95%B0%E6%8D%AE%201.csv' },
  ])('$name', ({ file, uri }) => {
    expect(fileUri(file)).toBe(uri);
    assertValidSarif(logWith(fileUri(file)));
  });

  it('the schema rejects the names unencoded (the check above is not vacuous)', () => {
    expect(() => assertValidSarif(logWith('data/June 2024 #2.csv'))).toThrow(/uri-reference/);
    expect(() => assertValidSarif(logWith('data/苏州 数据.csv'))).toThrow(/uri-reference/);
  });
});
