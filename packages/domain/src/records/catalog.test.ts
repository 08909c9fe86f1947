import { describe, expect, it } from 'vitest';
import { CASE_SOURCES } from '../cases/case-source';
import { LAW_SOURCES } from '../procedures/citation';
import { approvalStepsFor, PARTY_RIGHTS, RECORD_KINDS, recordKind } from './catalog';
import { RECORD_KIND_IDS, type FieldDefinition, type RecordKindId } from './record-kinds';

const fieldOf = (kind: RecordKindId, name: string): FieldDefinition => {
  const found = recordKind(kind).fields.find((f) => f.name === name);
  if (!found) throw new Error(`${kind} has no field ${name}`);

  return found;
};
const requiredFieldNames = (kind: RecordKindId): string[] =>
  recordKind(kind)
    .fields.filter((f) => f.isRequired && !f.showWhen)
    .map((f) => f.name);
const optionValues = (kind: RecordKindId, name: string): string[] =>
  (fieldOf(kind, name).options ?? []).map((o) => o.value);
const steps = (kind: RecordKindId) =>
  recordKind(kind).approvalSteps.map((s) => [s.role, s.label, s.isOnlyForMajorCases === true]);

describe('record catalog completeness (DOC-1, DOC-2)', () => {
  it('defines every record kind exactly once, under its own id', () => {
    expect(Object.keys(RECORD_KINDS).sort()).toEqual([...RECORD_KIND_IDS].sort());
    expect(new Set(RECORD_KIND_IDS).size).toBe(RECORD_KIND_IDS.length);
    for (const id of RECORD_KIND_IDS) expect(recordKind(id).id).toBe(id);
  });

  it('names every kind in Chinese, each name distinct', () => {
    const names = RECORD_KIND_IDS.map((id) => recordKind(id).name);
    for (const name of names) expect(name).toMatch(/[\u4e00-\u9fff]/);
    expect(new Set(names).size).toBe(names.length);
  });

  it('uses the official form names', () => {
    expect(RECORD_KINDS.questioning_record.name).toBe('询问笔录');
    expect(RECORD_KINDS.inspection_record.name).toBe('现场检查（勘验）笔录');
    expect(RECORD_KINDS.filing_approval.name).toBe('立案审批表');
    expect(RECORD_KINDS.advance_notice.name).toBe('行政处罚事先告知书');
    expect(RECORD_KINDS.service_receipt.name).toBe('送达回证');
    expect(RECORD_KINDS.demand_notice.name).toBe('催告书');
    expect(RECORD_KINDS.closing_approval.name).toBe('结案审批表');
    expect(RECORD_KINDS.penalty_decision.name).toBe('行政处罚决定书');
  });

  it('gives every kind at least one citation of a known source and article', () => {
    for (const id of RECORD_KIND_IDS) {
      const { citations } = recordKind(id);
      expect(citations.length, id).toBeGreaterThan(0);
      for (const c of citations) {
        expect(LAW_SOURCES, id).toContain(c.source);
        expect(c.article, id).toMatch(/^(附件\d )?第[一二三四五六七八九十百]+条$/);
      }
    }
  });

  it('keeps field names unique within a kind, with Chinese labels', () => {
    for (const id of RECORD_KIND_IDS) {
      const names = recordKind(id).fields.map((f) => f.name);
      expect(new Set(names).size, id).toBe(names.length);
      for (const f of recordKind(id).fields) {
        expect(f.name, id).toMatch(/^[a-z][A-Za-z]*$/);
        expect(f.label, `${id}.${f.name}`).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  it('gives every choice field distinct options and no other field options', () => {
    for (const id of RECORD_KIND_IDS) {
      for (const f of recordKind(id).fields) {
        const where = `${id}.${f.name}`;
        if (f.type === 'select' || f.type === 'multiselect') {
          const values = (f.options ?? []).map((o) => o.value);
          expect(values.length, where).toBeGreaterThanOrEqual(2);
          expect(new Set(values).size, where).toBe(values.length);
          for (const o of f.options ?? []) expect(o.label, where).not.toBe('');
        } else {
          expect(f.options, where).toBeUndefined();
        }
      }
    }
  });

  it('limits the length of every text field', () => {
    for (const id of RECORD_KIND_IDS) {
      for (const f of recordKind(id).fields) {
        if (f.type === 'text' || f.type === 'textarea') expect(f.maxLength, `${id}.${f.name}`).toBeGreaterThan(0);
      }
    }
  });

  it('makes each showWhen depend on an earlier choice field, with values that field can take', () => {
    for (const id of RECORD_KIND_IDS) {
      const fields = recordKind(id).fields;
      fields.forEach((f, index) => {
        if (!f.showWhen) return;
        const where = `${id}.${f.name}`;
        const controller = fields.slice(0, index).find((c) => c.name === f.showWhen!.field);
        expect(controller, where).toBeDefined();
        if (controller!.type === 'boolean') {
          for (const v of f.showWhen.equals) expect(typeof v, where).toBe('boolean');
        } else {
          expect(['select', 'multiselect'], where).toContain(controller!.type);
          const values = (controller!.options ?? []).map((o) => o.value);
          for (const v of f.showWhen.equals) expect(values, where).toContain(v);
        }
      });
    }
  });

  it('uses the case sources of case registration (S4 第九条至第十二条)', () => {
    expect(optionValues('filing_approval', 'caseSource').sort()).toEqual(Object.keys(CASE_SOURCES).sort());
    expect(optionValues('investigation_report', 'caseSource').sort()).toEqual(Object.keys(CASE_SOURCES).sort());
  });
});

describe('officers on each record (ORG-3)', () => {
  const FIELD_RECORDS: RecordKindId[] = [
    'questioning_record',
    'inspection_record',
    'sampling_notice',
    'evidence_call_up_notice',
    'evidence_preservation_notice',
    'sealing_seizure_decision',
    'compulsion_site_record',
    'site_verification_record',
    'document_check_record',
    'refusal_record',
    'correction_verification',
  ];

  it('requires two officers with credentials shown on field records', () => {
    for (const id of FIELD_RECORDS) {
      expect(recordKind(id).officers, id).toEqual({ min: 2, isCredentialShownRecorded: true });
    }
  });

  it('requires one named officer on internal, drafting and issued records', () => {
    for (const id of RECORD_KIND_IDS.filter((k) => !FIELD_RECORDS.includes(k))) {
      expect(recordKind(id).officers, id).toEqual({ min: 1, isCredentialShownRecorded: false });
    }
  });

  it('never records shown credentials with fewer than two officers', () => {
    for (const id of RECORD_KIND_IDS) {
      const { officers } = recordKind(id);
      if (officers.isCredentialShownRecorded) expect(officers.min, id).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('party signature (PROC-7)', () => {
  it('has the party sign the questioning record, field records and notices it receives', () => {
    const signed: RecordKindId[] = [
      'questioning_record',
      'inspection_record',
      'sampling_notice',
      'evidence_call_up_notice',
      'evidence_preservation_notice',
      'sealing_seizure_decision',
      'compulsion_site_record',
      'document_check_record',
      'site_verification_record',
      'rights_notice',
      'advance_notice',
      'statement_defence_record',
      'hearing_notice',
      'hearing_record',
      'demand_notice',
      'order_to_correct',
      'correction_verification',
      'missing_materials_notice',
      'compulsion_release_decision',
    ];
    expect(RECORD_KIND_IDS.filter((id) => recordKind(id).partySignature === 'required').sort()).toEqual(signed.sort());
  });

  it('asks no party signature on internal approvals', () => {
    for (const id of [
      'filing_approval',
      'compulsion_approval',
      'seizure_extension_approval',
      'sign_off',
      'closing_approval',
      'licensing_review_record',
      'decision_draft',
      'legal_review_opinion',
      'collective_discussion_record',
    ] as const) {
      expect(recordKind(id).partySignature, id).toBe('none');
    }
  });

  it('records witnesses where a party may be absent or refuse (行政强制法 第十八条, S4 第二十七条)', () => {
    expect(RECORD_KINDS.compulsion_site_record.witnesses).toBe('optional');
    expect(fieldOf('compulsion_site_record', 'witnessDetails').showWhen).toEqual({
      field: 'isPartyPresent',
      equals: [false],
    });
    expect(RECORD_KINDS.service_receipt.witnesses).toBe('optional');
    expect(fieldOf('service_receipt', 'witness').showWhen).toEqual({ field: 'method', equals: ['left_at_residence'] });
    expect(RECORD_KINDS.filing_approval.witnesses).toBe('none');
  });
});

describe('rights notices (PROC-6)', () => {
  const TOLD: RecordKindId[] = [
    'rights_notice',
    'advance_notice',
    'questioning_record',
    'inspection_record',
    'site_verification_record',
    'hearing_notice',
    'compulsion_site_record',
    'demand_notice',
  ];

  it('records the rights notice exactly on the records that face the party', () => {
    expect(RECORD_KIND_IDS.filter((id) => recordKind(id).isRightsNoticeRecorded).sort()).toEqual(TOLD.sort());
  });

  it('gives each such record a required rights list and the manner of telling', () => {
    for (const id of TOLD) {
      const rights = fieldOf(id, 'rightsNotified');
      expect(rights.type, id).toBe('multiselect');
      expect(rights.isRequired, id).toBe(true);
      expect(rights.options, id).toEqual(PARTY_RIGHTS);
      expect(fieldOf(id, 'rightsNoticeMethod').isRequired, id).toBe(true);
    }
    expect(PARTY_RIGHTS.map((r) => r.label)).toEqual(['陈述', '申辩', '申请回避', '申请听证']);
  });

  it('states remedies where the seeds ask for them (S1 第十七条, 行政强制法 第十八条)', () => {
    for (const id of ['rights_notice', 'site_verification_record', 'compulsion_site_record'] as const) {
      expect(fieldOf(id, 'remediesNotified').isRequired, id).toBe(true);
    }
  });

  it('tells the questioned person of recusal and the duty to answer truthfully (行政处罚法 第四十三条, 第五十五条)', () => {
    expect(requiredFieldNames('questioning_record')).toEqual(
      expect.arrayContaining(['rightsNotified', 'isTruthfulnessDutyNotified', 'isRecusalRequested']),
    );
  });
});

describe('approval chains (REVIEW-6)', () => {
  it('routes the filing approval through handler, section, legal section for major cases, and head (S4 第十二条)', () => {
    expect(steps('filing_approval')).toEqual([
      ['lead_officer', '承办人意见', false],
      ['section_head', '承办股室意见', false],
      ['legal_reviewer', '法制股室合法性审查意见', true],
      ['agency_head', '行政机关负责人意见', false],
    ]);
    expect(approvalStepsFor('filing_approval', false).map((s) => s.role)).toEqual([
      'lead_officer',
      'section_head',
      'agency_head',
    ]);
    expect(approvalStepsFor('filing_approval', true)).toHaveLength(4);
  });

  it('has the head sign off the decision (S4 第二十三条)', () => {
    expect(steps('sign_off')).toEqual([['agency_head', '审签人意见', false]]);
    expect(RECORD_KINDS.sign_off.approvalSteps[0]!.citation).toEqual({ source: 'S4', article: '第二十三条' });
  });

  it('closes a case through handler, section head and agency head', () => {
    expect(recordKind('closing_approval').approvalSteps.map((s) => s.role)).toEqual([
      'lead_officer',
      'section_head',
      'agency_head',
    ]);
  });

  it('approves compulsory measures beforehand and seizure extensions by the head (行政强制法 第十八条, 第二十五条)', () => {
    expect(recordKind('compulsion_approval').approvalSteps.map((s) => s.role)).toEqual(['section_head', 'agency_head']);
    expect(recordKind('seizure_extension_approval').approvalSteps).toEqual([
      { role: 'agency_head', label: '行政机关负责人批准', citation: { source: '行政强制法', article: '第二十五条' } },
    ]);
  });

  it('needs the head to approve evidence preservation (行政处罚法 第五十六条)', () => {
    expect(recordKind('evidence_preservation_notice').approvalSteps).toEqual([
      { role: 'agency_head', label: '行政机关负责人批准', citation: { source: '行政处罚法', article: '第五十六条' } },
    ]);
  });

  it('has the drafting section review the decision draft and licensing reviewed then approved (S4 第十九条, S1 第十一条)', () => {
    expect(recordKind('decision_draft').approvalSteps.map((s) => s.role)).toEqual(['section_head']);
    expect(steps('licensing_review_record')).toEqual([
      ['section_head', '审查人意见', false],
      ['agency_head', '审批人意见', false],
    ]);
  });

  it('has the head sign the court enforcement application (行政强制法 第五十五条)', () => {
    expect(recordKind('court_enforcement_application').approvalSteps.map((s) => s.role)).toEqual(['agency_head']);
  });

  it('needs no approval on any other kind', () => {
    const approved = [
      'filing_approval',
      'sign_off',
      'closing_approval',
      'compulsion_approval',
      'seizure_extension_approval',
      'evidence_preservation_notice',
      'decision_draft',
      'licensing_review_record',
      'court_enforcement_application',
    ];
    for (const id of RECORD_KIND_IDS.filter((k) => !approved.includes(k))) {
      expect(recordKind(id).approvalSteps, id).toEqual([]);
    }
  });

  it('records collective discussion with attendees, opinions and conclusion', () => {
    expect(requiredFieldNames('collective_discussion_record')).toEqual(
      expect.arrayContaining(['meetingAt', 'attendees', 'discussionOpinions', 'conclusion']),
    );
    expect(requiredFieldNames('expert_review_minutes')).toEqual(
      expect.arrayContaining(['meetingAt', 'experts', 'expertOpinions', 'conclusion']),
    );
  });

  it('gives the legal review its reviewers, opinion and one of the four conclusions (S4 第二十条, REVIEW-3)', () => {
    expect(requiredFieldNames('legal_review_opinion')).toEqual(
      expect.arrayContaining(['reviewers', 'conclusion', 'reviewOpinion', 'reviewedOn']),
    );
    expect(optionValues('legal_review_opinion', 'conclusion')).toEqual([
      'approve',
      'correct',
      'do_not_decide',
      'transfer',
    ]);
  });
});

describe('contents the seeds and statutes prescribe', () => {
  it('DOC-3: the decision draft names drafter, section reviewer, legal basis, evidence and factors (S4 第十九条)', () => {
    expect(requiredFieldNames('decision_draft')).toEqual(
      expect.arrayContaining(['drafter', 'sectionReviewer', 'legalBasis', 'evidence', 'factorsConsidered']),
    );
  });

  it('requires every element of 行政处罚法 第五十九条 in the penalty decision', () => {
    expect(requiredFieldNames('penalty_decision')).toEqual(
      expect.arrayContaining([
        'party',
        'partyAddress',
        'factsAndEvidence',
        'penaltyBasis',
        'penaltyKinds',
        'penaltyContent',
        'performanceMethod',
        'performanceDeadline',
        'remedies',
        'agencyName',
        'decidedOn',
      ]),
    );
    expect(fieldOf('penalty_decision', 'fineAmount')).toMatchObject({
      type: 'money',
      isRequired: true,
      showWhen: { field: 'penaltyKinds', equals: ['fine'] },
    });
  });

  it('files a case with its reason, cause, facts, basis and whether it is major (S4 第十二条)', () => {
    expect(requiredFieldNames('filing_approval')).toEqual(
      expect.arrayContaining([
        'caseSource',
        'filingReason',
        'caseCause',
        'partySummary',
        'violationSummary',
        'legalBasis',
        'isMajorCase',
      ]),
    );
    expect(fieldOf('filing_approval', 'isMajorCase').type).toBe('boolean');
  });

  it('reports the end of investigation with the items of S4 第十八条', () => {
    expect(requiredFieldNames('investigation_report')).toEqual(
      expect.arrayContaining([
        'caseSource',
        'investigationProcess',
        'factsAndEvidence',
        'proposedHandling',
        'legalBasis',
      ]),
    );
  });

  it('keeps hearing staff apart from the investigators (行政处罚法 第六十四条)', () => {
    for (const id of ['hearing_notice', 'hearing_record'] as const) {
      expect(requiredFieldNames(id), id).toEqual(expect.arrayContaining(['host', 'recorder', 'investigators']));
      expect(fieldOf(id, 'hearingOfficers').type, id).toBe('text');
    }
  });

  it('offers the seven ways of service (S4 第二十五条至第二十九条, 民事诉讼法)', () => {
    expect(optionValues('service_receipt', 'method')).toEqual([
      'direct',
      'mail',
      'left_at_residence',
      'entrusted',
      'forwarded',
      'announcement',
      'electronic',
    ]);
    expect(fieldOf('service_receipt', 'refusalReason').showWhen).toEqual({
      field: 'method',
      equals: ['left_at_residence'],
    });
    expect(fieldOf('service_receipt', 'trackingNumber').showWhen?.equals).toEqual(['mail']);
    expect(fieldOf('service_receipt', 'announcementMedium').showWhen?.equals).toEqual(['announcement']);
  });

  it('states deadline, manner, amount and rights in the demand notice (行政强制法 第三十五条)', () => {
    expect(requiredFieldNames('demand_notice')).toEqual(
      expect.arrayContaining(['deadline', 'performanceMethod', 'isMonetary', 'rightsNotified']),
    );
    expect(fieldOf('demand_notice', 'amount').showWhen).toEqual({ field: 'isMonetary', equals: [true] });
  });

  it('starts a supervision inspection from one of the sources of S4 第三十八条', () => {
    expect(optionValues('inspection_plan', 'source')).toEqual([
      'notice',
      'meeting',
      'annual_plan',
      'assigned_from_above',
      'other',
    ]);
    expect(requiredFieldNames('inspection_plan')).toEqual(expect.arrayContaining(['legalBasis', 'plan']));
  });

  it('reports supervision results as a report, circular or announcement (S4 第四十四条)', () => {
    expect(optionValues('result_report', 'form')).toEqual(['report', 'circular', 'announcement']);
  });

  it('asks for emergency reporting and multi-angle filming where the law does (行政强制法 第十九条, S3 附件2 第十一条)', () => {
    expect(fieldOf('compulsion_approval', 'emergencyReportedAt').showWhen).toEqual({
      field: 'isEmergency',
      equals: [true],
    });
    expect(fieldOf('compulsion_site_record', 'cameraAngles').showWhen).toEqual({
      field: 'isViolenceAnticipated',
      equals: [true],
    });
  });

  it('records acceptance with corrections, receipt and the one-time notice (S1 第七条, 行政许可法 第三十二条)', () => {
    expect(requiredFieldNames('application_acceptance')).toEqual(
      expect.arrayContaining(['outcome', 'receiptNumber', 'materialsReceived']),
    );
    expect(optionValues('application_acceptance', 'outcome')).toContain('corrections_needed');
    expect(requiredFieldNames('missing_materials_notice')).toEqual(
      expect.arrayContaining(['missingItems', 'noticeMethod', 'notifiedOn']),
    );
  });
});
