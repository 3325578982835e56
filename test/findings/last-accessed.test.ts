import { describe, expect, it } from 'vitest';
import { parseLastAccessed, readTime } from '../../src/findings/last-accessed.js';
import type { Json } from '../../src/input/json.js';
import { inputErrorOf } from '../support.js';
import { action, COMPLETED, response, service } from './fixtures/last-accessed.js';

const parse = (value: Json) => parseLastAccessed(value, 'la.json');

describe('parseLastAccessed', () => {
  it('reads services, their last authentication and tracked actions', () => {
    const report = parse(response([service('s3', '2024-06-19T22:10:09+00:00', [action('GetObject', '2024-06-01T00:00:00Z'), action('s3:PutObject')]), service('sqs')]));
    expect(report).toEqual({
      jobType: 'ACTION_LEVEL',
      jobCompletion: Date.parse('2024-06-20T10:00:05Z'),
      arn: undefined,
      pages: 1,
      services: [
        {
          namespace: 's3',
          lastAuthenticated: Date.parse('2024-06-19T22:10:09Z'),
          tracked: [
            { name: 'GetObject', lastAccessed: Date.parse('2024-06-01T00:00:00Z'), path: ['ServicesLastAccessed', 0, 'TrackedActionsLastAccessed', 0, 'ActionName'] },
            { name: 'PutObject', lastAccessed: undefined, path: ['ServicesLastAccessed', 0, 'TrackedActionsLastAccessed', 1, 'ActionName'] },
          ],
          path: ['ServicesLastAccessed', 0],
        },
        { namespace: 'sqs', lastAuthenticated: undefined, tracked: undefined, path: ['ServicesLastAccessed', 1] },
      ],
    });
  });

  it('joins pages given as a list, in order', () => {
    const pages = [response([service('s3')], { IsTruncated: true, Marker: 'm1' }), response([service('sqs')])];
    const report = parse(pages);
    expect({ pages: report.pages, services: report.services.map((entry) => [entry.namespace, entry.path]) }).toEqual({
      pages: 2,
      services: [
        ['s3', [0, 'ServicesLastAccessed', 0]],
        ['sqs', [1, 'ServicesLastAccessed', 0]],
      ],
    });
  });

  it('reads an empty response (a principal with no permissions)', () => {
    expect(parse(response([])).services).toEqual([]);
  });

  it('refuses a truncated response without its next page', () => {
    expect(inputErrorOf(() => parse(response([service('s3')], { IsTruncated: true, Marker: 'abc' })))).toBe(
      'la.json: IsTruncated: the response is truncated and its next page is missing (get-service-last-accessed-details --job-id JOB --marker abc); give every page as a JSON list',
    );
    expect(inputErrorOf(() => parse([response([], { IsTruncated: true }), response([], { IsTruncated: true })]))).toMatch(/^la\.json: \[1\]\.IsTruncated: the response is truncated/);
  });

  it('refuses pages out of order, of different jobs, or a service given twice', () => {
    expect(inputErrorOf(() => parse([response([]), response([])]))).toBe('la.json: [0].IsTruncated: this page is not truncated, yet more pages follow it');
    expect(inputErrorOf(() => parse([response([], { IsTruncated: true }), response([], { JobCompletionDate: '2024-07-01T00:00:00Z' })]))).toBe(
      'la.json: [1]: this page belongs to another job than the first page (JobType, JobCompletionDate or Arn differ)',
    );
    expect(inputErrorOf(() => parse([response([service('s3')], { IsTruncated: true }), response([service('S3')])]))).toBe(
      'la.json: [1].ServicesLastAccessed[0].ServiceNamespace: "S3" is listed twice (pages given twice?)',
    );
  });

  it('refuses a job that is not COMPLETED, with the reason AWS gives', () => {
    expect(inputErrorOf(() => parse(response([], { JobStatus: 'IN_PROGRESS' })))).toBe(
      'la.json: JobStatus: the job is IN_PROGRESS; run get-service-last-accessed-details again once it is COMPLETED',
    );
    expect(inputErrorOf(() => parse(response([], { JobStatus: 'FAILED', Error: { Message: 'entity not found', Code: 'NoSuchEntity' } })))).toBe(
      'la.json: JobStatus: expected "COMPLETED", got "FAILED": entity not found',
    );
  });

  it('names the file and the JSON path of a wrong shape', () => {
    expect(inputErrorOf(() => parse('x'))).toBe('la.json: expected a get-service-last-accessed-details response (or a list of its pages), got a string');
    expect(inputErrorOf(() => parse([]))).toBe('la.json: expected get-service-last-accessed-details pages, got an empty list');
    expect(inputErrorOf(() => parse({ findingDetails: [] }))).toBe('la.json: expected a get-service-last-accessed-details response (with "JobStatus" and "ServicesLastAccessed")');
    expect(inputErrorOf(() => parse(response([], { ServicesLastAccessed: {} })))).toBe('la.json: ServicesLastAccessed: expected a list, got an object');
    expect(inputErrorOf(() => parse(response([], { JobType: 'FAST' })))).toBe('la.json: JobType: expected "ACTION_LEVEL" or "SERVICE_LEVEL", got "FAST"');
    expect(inputErrorOf(() => parse(response([{ ServiceName: 'S3' }])))).toBe('la.json: ServicesLastAccessed[0].ServiceNamespace: missing');
    expect(inputErrorOf(() => parse(response([service('s3', 'last week')])))).toBe(
      'la.json: ServicesLastAccessed[0].LastAuthenticated: expected an ISO 8601 time such as "2024-06-20T10:00:00Z", got "last week"',
    );
    expect(inputErrorOf(() => parse(response([service('s3', COMPLETED, [action('sqs:SendMessage')])])))).toBe(
      'la.json: ServicesLastAccessed[0].TrackedActionsLastAccessed[0].ActionName: "sqs:SendMessage" belongs to another service than "s3"',
    );
    expect(inputErrorOf(() => parse(response([service('s3', COMPLETED, [{ LastAccessedTime: COMPLETED }])])))).toBe(
      'la.json: ServicesLastAccessed[0].TrackedActionsLastAccessed[0].ActionName: missing',
    );
  });

  it('keeps the Arn a user added to name the principal', () => {
    expect(parse(response([], { Arn: 'arn:aws:iam::111122223333:role/AppRole' })).arn).toBe('arn:aws:iam::111122223333:role/AppRole');
  });
});

describe('readTime', () => {
  it('reads the times the AWS CLI prints, UTC without a zone', () => {
    expect(readTime('2024-06-20T10:00:05+00:00')).toBe(Date.parse('2024-06-20T10:00:05Z'));
    expect(readTime('2024-06-20T10:00:05.033000+00:00')).toBe(Date.parse('2024-06-20T10:00:05.033Z'));
    expect(readTime('2024-06-20T12:00:05+0200')).toBe(Date.parse('2024-06-20T10:00:05Z'));
    expect(readTime('2024-06-20 10:00:05')).toBe(Date.parse('2024-06-20T10:00:05Z'));
    expect(readTime('2024-06-20')).toBe(Date.parse('2024-06-20T00:00:00Z'));
  });

  it('refuses what is not a date', () => {
    expect([readTime('yesterday'), readTime('2024-02-30'), readTime('2024-13-01'), readTime('1718877605')]).toEqual([undefined, undefined, undefined, undefined]);
  });
});
