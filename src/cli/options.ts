import { Option } from 'commander';

export function granularityOption(): Option {
  return new Option('--granularity <granularity>', 'where wildcards may stand: at CamelCase words (as Access Analyzer) or at any character (most compact)')
    .choices(['word', 'char'])
    .default('word');
}
