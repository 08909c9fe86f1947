import { describe, expect, it } from 'vitest';
import type { DomainError } from '../errors';
import { RECORD_KINDS } from '../records/catalog';
import { RECORD_KIND_IDS } from '../records/record-kinds';
import { chineseDate, chineseDateTime, chineseMoney, formatFieldValue } from './format-value';
import { assertDocumentComplete, documentField, documentProblems } from './problems';
import { DOCUMENT_TEMPLATES, DOCUMENT_TEMPLATE_IDS, isDocumentTemplateId, templateForRecordKind } from './templates';

// DOC-2: the document templates as data, their required elements, and how values print.

const DOC_2 = [
  'filing_approval',
  'questioning_record',
  'inspection_record',
  'sampling_notice',
  'evidence_preservation_notice',
  'evidence_call_up_notice',
  'sealing_seizure_decision',
  'rights_notice',
  'advance_notice',
  'hearing_notice',
  'statement_defence_record',
  'hearing_record',
  'investigation_report',
  'legal_review_opinion',
  'collective_discussion_record',
  'penalty_decision',
  'order_to_correct',
  'service_receipt',
  'demand_notice',
  'closing_approval',
  'case_file_catalogue',
  'case_file_notes',
];

const field = (kind: keyof typeof RECORD_KINDS, name: string) =>
  RECORD_KINDS[kind].fields.find((f) => f.name === name)!;

describe('document templates', () => {
  it('gives every record kind a document, and the DOC-2 documents a layout of their own', () => {
    for (const kind of RECORD_KIND_IDS) expect(templateForRecordKind(kind)?.recordKind).toBe(kind);
    expect(templateForRecordKind('no_such_kind')).toBeNull();
    expect(DOCUMENT_TEMPLATES.case_file_catalogue.recordKind).toBeNull();
    expect(DOCUMENT_TEMPLATE_IDS.filter((id) => DOCUMENT_TEMPLATES[id].isStandard).sort()).toEqual([...DOC_2].sort());
    expect(isDocumentTemplateId('penalty_decision')).toBe(true);
    expect(isDocumentTemplateId('toString')).toBe(false);
  });

  it('names only catalog fields in sections and required fields', () => {
    for (const id of DOCUMENT_TEMPLATE_IDS) {
      const template = DOCUMENT_TEMPLATES[id];
      expect(template.id).toBe(id);
      for (const name of [...template.sections.flatMap((s) => s.fields), ...template.requiredFields])
        expect(documentField(template, name), `${id}.${name}`).not.toBeNull();
    }
  });

  it('prints every field of a record kind somewhere (body, salutation or seal area)', () => {
    for (const kind of RECORD_KIND_IDS) {
      const template = DOCUMENT_TEMPLATES[kind];
      const printed = new Set([
        ...template.sections.flatMap((s) => s.fields),
        template.addresseeField,
        template.seal?.agencyField,
        template.seal?.dateField,
        ...(template.numberPrefix ? ['documentNumber'] : []),
      ]);
      for (const f of RECORD_KINDS[kind].fields) expect(printed.has(f.name), `${kind}.${f.name}`).toBe(true);
    }
  });

  it('requires the elements of 行政处罚法 第五十九条 for the penalty decision', () => {
    expect([...DOCUMENT_TEMPLATES.penalty_decision.requiredFields].sort()).toEqual(
      [
        'factsAndEvidence',
        'reasons',
        'violatedProvisions',
        'penaltyBasis',
        'penaltyKinds',
        'penaltyContent',
        'performanceMethod',
        'performanceDeadline',
        'reconsiderationBody',
        'litigationCourt',
        'remedies',
        'agencyName',
        'decidedOn',
        'party',
        'partyAddress',
      ].sort(),
    );
    expect(DOCUMENT_TEMPLATES.penalty_decision.layout).toBe('notice');
    expect(DOCUMENT_TEMPLATES.penalty_decision.numberPrefix).toBe('罚决字');
  });
});

describe('documentProblems', () => {
  it('lists missing and blank required elements with their Chinese labels', () => {
    expect(documentProblems({ templateId: 'order_to_correct', content: { party: '某公司', problems: '  ' } })).toEqual([
      { field: 'problems', label: '存在的问题（违法、违规行为或质量安全问题）' },
      { field: 'legalBasis', label: '依据' },
      { field: 'requirements', label: '整改要求' },
      { field: 'deadline', label: '整改期限' },
      { field: 'issuedOn', label: '下达日期' },
    ]);
  });

  it('requires a conditional field only when it is shown', () => {
    const base = { documentKind: 'penalty_decision', documentTitle: '行政处罚决定书', recipient: '某公司' };
    expect(documentProblems({ templateId: 'service_receipt', content: { ...base, method: 'announcement' } })).toEqual(
      ['otherMethodsFailed', 'announcementMedium', 'announcedOn', 'announcementCourse'].map((name) => ({
        field: name,
        label: field('service_receipt', name).label,
      })),
    );
  });

  it('throws DOCUMENT_INCOMPLETE with the missing elements, DOCUMENT_NOT_AVAILABLE for an unknown template', () => {
    const refusal = (() => {
      try {
        assertDocumentComplete({ templateId: 'penalty_decision', content: {} });
      } catch (error) {
        return error as DomainError;
      }

      return null;
    })();
    expect(refusal?.code).toBe('DOCUMENT_INCOMPLETE');
    expect((refusal?.details as { missing: unknown[] }).missing).toHaveLength(15);
    expect(() => assertDocumentComplete({ templateId: 'nope', content: {} })).toThrow('DOCUMENT_NOT_AVAILABLE');
    expect(documentProblems({ templateId: 'nope', content: {} })).toEqual([]);
  });
});

describe('formatFieldValue', () => {
  it('prints values by their field definition', () => {
    expect(formatFieldValue(field('penalty_decision', 'penaltyKinds'), ['warning', 'fine'])).toBe('警告、罚款');
    expect(formatFieldValue(field('service_receipt', 'method'), 'direct')).toBe('直接送达');
    expect(formatFieldValue(field('filing_approval', 'isMajorCase'), false)).toBe('否');
    expect(formatFieldValue(field('penalty_decision', 'fineAmount'), '1234567.5')).toBe('¥1,234,567.50 元');
    expect(formatFieldValue(field('penalty_decision', 'decidedOn'), '2026-03-05')).toBe('2026年3月5日');
    expect(formatFieldValue(field('questioning_record', 'startedAt'), '2026-03-05T01:30:00Z')).toBe(
      '2026年3月5日 9时30分',
    );
    expect(formatFieldValue(field('penalty_decision', 'factsAndEvidence'), '一\r\n二')).toBe('一\n二');
    expect(formatFieldValue(field('penalty_decision', 'party'), null)).toBe('');
  });

  it('formats Chinese dates and money', () => {
    expect(chineseDate('2026-12-31')).toBe('2026年12月31日');
    expect(chineseDate('not a date')).toBe('not a date');
    expect(chineseDateTime('2026-03-05T23:05+08:00')).toBe('2026年3月5日 23时05分');
    expect(chineseMoney('50000.00')).toBe('¥50,000.00 元');
    expect(chineseMoney(12)).toBe('¥12.00 元');
  });
});
