import { describe, expect, it } from 'vitest';
import { renderScript, type ScriptParts } from '../../../src/prove/smt/script.js';

const PARTS: ScriptParts = {
  id: 's0-safety-s3',
  claim: 'safety',
  expected: 'unsat',
  comments: ['first line', 'second line'],
  declarations: ['(define-fun r0 () RegLan re.all) ; *', '(declare-const w String)'],
  assertions: ['(= w "s3:getobject")', '(str.in_re w r0)'],
};

describe('renderScript', () => {
  it('writes comments, the header, declarations, one assert per assertion and check-sat, ending with a newline', () => {
    expect(renderScript(PARTS)).toBe(
      [
        '; iam-refine obligation s0-safety-s3 (claim: safety)',
        '; first line',
        '; second line',
        '(set-info :smt-lib-version 2.6)',
        '(set-logic QF_S)',
        '(set-info :status unsat)',
        '(define-fun r0 () RegLan re.all) ; *',
        '(declare-const w String)',
        '(assert (= w "s3:getobject"))',
        '(assert (str.in_re w r0))',
        '(check-sat)',
        '',
      ].join('\n'),
    );
  });

  it('records the expected status in (set-info :status ...)', () => {
    expect(renderScript({ ...PARTS, expected: 'sat' }).split('\n')[5]).toBe('(set-info :status sat)');
  });

  it('writes only the header and check-sat when there is nothing to declare or assert', () => {
    expect(renderScript({ ...PARTS, comments: [], declarations: [], assertions: [] })).toBe(
      '; iam-refine obligation s0-safety-s3 (claim: safety)\n(set-info :smt-lib-version 2.6)\n(set-logic QF_S)\n(set-info :status unsat)\n(check-sat)\n',
    );
  });
});
