import { describe, expect, it } from 'vitest';
import { RECORD_KINDS } from '../records/catalog';
import {
  SERVICE_METHODS,
  SERVICE_METHOD_IDS,
  deemedServedOn,
  serviceProofProblems,
  type ServiceMethod,
} from './service-methods';

const noProof = { signatures: [], attachments: [], avCount: 0, avReason: null };

// The complete proof for each method; every test below removes one piece of it.
const COMPLETE: Record<
  ServiceMethod,
  { signatures: { role: string }[]; attachments: { kind: string }[]; avCount: number; avReason: string | null }
> = {
  direct: { ...noProof, signatures: [{ role: 'server' }, { role: 'recipient' }] },
  mail: {
    ...noProof,
    attachments: [{ kind: 'mail_registration' }, { kind: 'postage_voucher' }, { kind: 'return_receipt' }],
  },
  left_at_residence: { ...noProof, signatures: [{ role: 'server' }, { role: 'witness' }], avCount: 1 },
  entrusted: { ...noProof, signatures: [{ role: 'server' }], attachments: [{ kind: 'entrust_receipt' }] },
  forwarded: { ...noProof, signatures: [{ role: 'server' }], attachments: [{ kind: 'entrust_receipt' }] },
  announcement: { ...noProof, attachments: [{ kind: 'announcement_copy' }], avCount: 2 },
  electronic: { ...noProof, attachments: [{ kind: 'electronic_consent' }, { kind: 'delivery_record' }] },
};

describe('service of documents (SERVE-1)', () => {
  it('SERVE-1: the methods are the service receipt form’s methods', () => {
    const field = RECORD_KINDS.service_receipt.fields.find((item) => item.name === 'method');
    expect(SERVICE_METHOD_IDS).toEqual(field?.options?.map((option) => option.value));
  });

  it.each(SERVICE_METHOD_IDS)('SERVE-1: %s with complete proof lacks nothing', (method) => {
    expect(serviceProofProblems({ method, ...COMPLETE[method] })).toEqual([]);
  });

  it.each(SERVICE_METHOD_IDS)('SERVE-1: %s lists every missing piece of proof when there is none', (method) => {
    const rule = SERVICE_METHODS[method];
    const expected = [
      ...rule.signatures.map((role) => `signature:${role}`),
      ...rule.attachments.filter((item) => item.isRequired).map((item) => `attachment:${item.kind}`),
      ...(rule.isAvRequired ? ['av'] : []),
    ];
    expect(expected.length).toBeGreaterThan(0);
    expect(serviceProofProblems({ method, ...noProof }).map((problem) => problem.item)).toEqual(expected);
  });

  it('SERVE-1: direct service needs the recipient’s or a lawful signer’s signature', () => {
    expect(serviceProofProblems({ method: 'direct', ...noProof, signatures: [{ role: 'server' }] })).toEqual([
      { item: 'signature:recipient', message: '直接送达须由受送达人或者符合法定条件的签收人在送达回证上签名或者盖章' },
    ]);
  });

  it('SERVE-1: mail keeps the registration, postage voucher and return receipt', () => {
    const problems = serviceProofProblems({
      method: 'mail',
      ...noProof,
      attachments: [{ kind: 'mail_registration' }, { kind: 'postage_voucher' }],
    });
    expect(problems).toEqual([{ item: 'attachment:return_receipt', message: '邮寄送达须留存邮寄回执' }]);
  });

  it('SERVE-1: leaving at the residence needs a witness and audio-video', () => {
    expect(
      serviceProofProblems({
        method: 'left_at_residence',
        ...COMPLETE.left_at_residence,
        signatures: [{ role: 'server' }],
      }),
    ).toEqual([{ item: 'signature:witness', message: '留置送达须由见证人在送达回证上签名或者盖章' }]);
    expect(
      serviceProofProblems({ method: 'left_at_residence', ...COMPLETE.left_at_residence, avCount: 0 }).map(
        (p) => p.item,
      ),
    ).toEqual(['av']);
  });

  it('SERVE-1 / AV-2: a written reason stands in for missing audio-video, a blank one does not', () => {
    const proof = { ...COMPLETE.announcement, avCount: 0 };
    expect(serviceProofProblems({ method: 'announcement', ...proof, avReason: '公告张贴处无法录像' })).toEqual([]);
    expect(serviceProofProblems({ method: 'announcement', ...proof, avReason: '  ' }).map((p) => p.item)).toEqual([
      'av',
    ]);
  });

  it('SERVE-1: entrusted and forwarded service return the receipt the recipient signed', () => {
    for (const method of ['entrusted', 'forwarded'] as const) {
      expect(
        serviceProofProblems({ method, ...COMPLETE[method], attachments: [] }).map((problem) => problem.item),
      ).toEqual(['attachment:entrust_receipt']);
    }
  });

  it('SERVE-1: electronic service needs the signed consent and the delivery record', () => {
    expect(
      serviceProofProblems({ method: 'electronic', ...noProof, attachments: [{ kind: 'delivery_record' }] }),
    ).toEqual([{ item: 'attachment:electronic_consent', message: '电子送达须留存受送达人签订的电子送达确认书' }]);
  });

  it('SERVE-1: an unknown method is itself the problem', () => {
    expect(serviceProofProblems({ method: 'pigeon', ...noProof })).toEqual([
      { item: 'method', message: '送达方式无效' },
    ]);
  });

  it('SERVE-1: announcement is deemed served 30 days after it is announced; the rest on the day served', () => {
    expect(deemedServedOn({ method: 'announcement', servedOn: null, announcedOn: '2025-01-15' })).toBe('2025-02-14');
    expect(deemedServedOn({ method: 'announcement', servedOn: '2025-01-15', announcedOn: null })).toBeNull();
    expect(deemedServedOn({ method: 'mail', servedOn: '2025-03-03', announcedOn: null })).toBe('2025-03-03');
    expect(deemedServedOn({ method: 'direct', servedOn: null, announcedOn: null })).toBeNull();
    expect(deemedServedOn({ method: 'pigeon', servedOn: '2025-03-03', announcedOn: null })).toBeNull();
  });
});
