import { describe, expect, it } from 'vitest';
import { leafFileName, offlineVerifyCommand, tlogProofFileName, vkeyFileName, vkeyFileText } from './proof-files';

const CODE = '11350100MB0000001X';

describe('proof file names', () => {
  it('names the three files after the agency and the entry', () => {
    expect(leafFileName(CODE, 7)).toBe(`${CODE}-7.leaf.json`);
    expect(tlogProofFileName(CODE, 7)).toBe(`${CODE}-7.tlog-proof`);
    expect(vkeyFileName(CODE)).toBe(`${CODE}.vkey`);
  });

  it('gives the command that checks exactly those files', () => {
    expect(offlineVerifyCommand(CODE, 7)).toBe(
      `npx liuhen-verify proof --vkey @${CODE}.vkey --proof ${CODE}-7.tlog-proof --leaf ${CODE}-7.leaf.json`,
    );
  });
});

describe('vkeyFileText', () => {
  it('writes each log key on its own line', () => {
    const keys = {
      logKeys: [
        { vkey: 'a+01234567+AQ==', algorithm: 'ed25519', createdAt: '2025-01-01T00:00:00Z' },
        { vkey: 'a+89abcdef+AQ==', algorithm: 'ed25519', createdAt: '2025-06-01T00:00:00Z' },
      ],
    };
    expect(vkeyFileText(keys)).toBe('a+01234567+AQ==\na+89abcdef+AQ==\n');
    expect(vkeyFileText({ logKeys: [] })).toBe('');
  });
});
