/**
 * The words generated action names are made of: few enough that prefixes collide often, and
 * chosen to reproduce the shapes that trip prefix compressors in the real catalog.
 */

/** First words. `List` is a prefix of `Listen`: a string prefix that is no word of the other. */
export const VERBS = ['Get', 'Put', 'List', 'Listen', 'Describe', 'Create', 'Delete', 'Tag', 'Untag', 'Invoke'] as const;

/**
 * Later words: plurals beside singulars (`Dashboard`/`Dashboards`), words that start other words
 * (`Tag`/`Tagging`, `Config`/`Configuration`), acronyms (`DB`, `CORS`, `ACL`) and digits (`V2`, `S3`).
 */
export const NOUNS = [
  'Object',
  'Objects',
  'Acl',
  'Bucket',
  'Policy',
  'Tag',
  'Tags',
  'Tagging',
  'Access',
  'Point',
  'Label',
  'Group',
  'Dashboard',
  'Dashboards',
  'Snapshot',
  'Job',
  'Config',
  'Configuration',
  'DB',
  'Instance',
  'CORS',
  'ACL',
  'IP',
  'V2',
  'S3',
] as const;

/** Service prefixes, some the prefix of another (`s3` of `s3express` and `s3-object-lambda`, `ec2` of `ec2messages`). */
export const SERVICES = ['s3', 's3express', 's3-outposts', 's3-object-lambda', 'ec2', 'ec2messages', 'lookoutequipment', 'quicksight', 'iam'] as const;

/** A service no generated catalog has. */
export const UNKNOWN_SERVICE = 'nosuchservice';

/** A word no generated action name contains. */
export const UNKNOWN_WORD = 'Zzyzx';
