import { describe, expect, it } from 'vitest';
import { parseAccountDetails } from '../../src/account/details.js';
import { parseAccountFindings } from '../../src/account/findings.js';
import { accountItems, accountLabel, findingsByAccount, restrictAccount, sumOf } from '../../src/account/organization.js';
import { refineAccount } from '../../src/account/refine.js';
import { loadPinnedCatalog } from '../../src/catalog/load.js';
import { ARTICLE_DETAILS, ARTICLE_FINDING, exampleAccount, EXAMPLE_DETAILS, readJson } from './_support.js';

describe('several accounts', () => {
  const example = exampleAccount();
  const article = { details: parseAccountDetails(readJson(ARTICLE_DETAILS), ARTICLE_DETAILS), findings: parseAccountFindings([{ name: ARTICLE_FINDING, value: readJson(ARTICLE_FINDING) }]) };

  it("are named by their principals' account id, or else by the file", () => {
    expect(accountLabel(example.details, EXAMPLE_DETAILS)).toBe('111122223333');
    expect(accountLabel(article.details, ARTICLE_DETAILS)).toBe('123456789012');
    expect(accountLabel(parseAccountDetails({ RoleDetailList: [] }, 'x'), '/exports/prod account.json')).toBe('prod_account');
  });

  it('each get the findings of their own principals and resources', () => {
    const all = parseAccountFindings([
      { name: ARTICLE_FINDING, value: readJson(ARTICLE_FINDING) },
      ...exampleFindingsFiles(),
    ]);
    const accounts = [
      { label: '111122223333', details: example.details },
      { label: '123456789012', details: article.details },
    ];
    const [first, second] = findingsByAccount(all, accounts);
    expect([...first!.unusedPermissions.keys()].sort()).toEqual([...example.findings.unusedPermissions.keys()].sort());
    expect([...second!.unusedPermissions.keys()]).toEqual([...article.findings.unusedPermissions.keys()]);
    expect(first!.notices).toEqual(example.findings.notices);
    expect(second!.notices).toEqual([]);
  });

  it('are items costing 1 plus their policies to prove, in the exports\' order, and a shard keeps its principals only', () => {
    const catalog = loadPinnedCatalog();
    const result = refineAccount(example.details, example.findings, catalog);
    const items = accountItems([{ prefix: 'a/', details: example.details, result }]);
    expect(items.map((item) => item.id)).toEqual(example.details.principals.map((principal) => `a/${principal.kind}/${principal.name}`));
    expect(items.find((item) => item.id === 'a/role/AppRole')!.cost).toBe(4);
    expect(items.find((item) => item.id === 'a/role/IdleRole')!.cost).toBe(1);
    const kept = restrictAccount(result, new Set([items.find((item) => item.id === 'a/role/AppRole')!.principal, items.find((item) => item.id === 'a/role/IdleRole')!.principal]));
    expect(kept.principals.map((entry) => entry.principal.name)).toEqual(['AppRole']);
    expect(kept.skipped.map((entry) => entry.principal.name)).toEqual(['IdleRole']);
    expect(kept.notices).toEqual(result.notices);
  });

  it('add up their totals', () => {
    expect(sumOf([{ principals: 6, proven: 9 }, { principals: 1, proven: 1 }])).toEqual({ principals: 7, proven: 10 });
  });
});

function exampleFindingsFiles(): { name: string; value: ReturnType<typeof readJson> }[] {
  return ['AppRole.json', 'list.json', 'others.json'].map((file) => {
    const name = EXAMPLE_DETAILS.replace('details.json', `findings/${file}`);
    return { name, value: readJson(name) };
  });
}
