// The command line's help and usage: --help answers on stdout with exit 0; a call without a workbook is a usage error.
import { cli } from './helpers';

describe('visit-ledger --help', () => {
  it('prints the usage of every command on stdout and exits 0', async () => {
    const run = await cli(['--help']);
    expect(run.code).toBe(0);
    expect(run.err).toBe('');
    for (const command of ['init', 'validate', 'status', 'report', 'remind'])
      expect(run.out).toContain(command);
  });

  it('exits 2 with the usage on stderr when no command is given', async () => {
    const run = await cli([]);
    expect(run.code).toBe(2);
    expect(run.out).toBe('');
    expect(run.err).toContain('用法');
  });
});
