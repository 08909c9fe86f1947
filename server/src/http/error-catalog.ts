import type { ErrorCode } from '@liuhen/domain';

export type HttpErrorCode =
  | ErrorCode
  | 'MALFORMED_JSON'
  | 'BODY_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'RATE_LIMITED'
  | 'INTERNAL_ERROR';

// Rule 5: one table maps every code to its HTTP status and the Chinese message users see.
export const ERROR_CATALOG: Record<HttpErrorCode, { status: number; message: string }> = {
  VALIDATION_FAILED: { status: 400, message: '提交的内容不完整或格式不正确，请检查标出的字段' },
  INVALID_ID_NUMBER: { status: 400, message: '身份证号码无效：请核对18位号码及末位校验码（GB 11643）' },
  INVALID_CREDIT_CODE: { status: 400, message: '统一社会信用代码无效：请核对18位代码及末位校验码（GB 32100）' },
  INVALID_PHONE: { status: 400, message: '联系电话格式不正确：应为11位手机号或带区号的固定电话' },
  INVALID_DATE: { status: 400, message: '日期无效：应为真实存在的日期，格式 YYYY-MM-DD' },
  DATE_IN_FUTURE: { status: 400, message: '日期不能晚于今天' },
  UNKNOWN_CASE_SOURCE: { status: 400, message: '案件来源无效：应为举报投诉、检查发现、移送交办或依职权发现' },
  TRANSFER_SOURCE_DETAIL_REQUIRED: { status: 400, message: '移送交办的案件须写明移送或交办机关及文号' },
  PARTY_FIELDS_MISMATCH: {
    status: 400,
    message: '当事人类型与所填证件不符：自然人填身份证号码，单位填统一社会信用代码',
  },
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  SESSION_EXPIRED: { status: 401, message: '登录已过期，请重新登录' },
  INVALID_CREDENTIALS: { status: 401, message: '用户名或密码错误' },
  ACCOUNT_LOCKED: { status: 423, message: '密码连续错误次数过多，账号已临时锁定15分钟' },
  ACCOUNT_DISABLED: { status: 403, message: '账号已停用，请联系系统管理员' },
  FORBIDDEN: { status: 403, message: '您没有执行此操作的权限' },
  CASE_NOT_FOUND: { status: 404, message: '案件不存在或不属于本机关' },
  AGENCY_NOT_FOUND: { status: 404, message: '执法机关不存在' },
  SECTION_NOT_FOUND: { status: 404, message: '科室不存在或不属于该机关' },
  USER_NOT_FOUND: { status: 404, message: '用户不存在' },
  USERNAME_TAKEN: { status: 409, message: '用户名已被使用' },
  AGENCY_CODE_TAKEN: { status: 409, message: '该统一社会信用代码的机关已存在' },
  CREDENTIAL_NUMBER_TAKEN: { status: 409, message: '该执法证号已登记' },
  INVALID_ROLE: { status: 400, message: '角色无效' },
  INVALID_CREDENTIAL_PERIOD: { status: 400, message: '执法证有效期无效：截止日期不能早于起始日期' },
  WEAK_PASSWORD: { status: 400, message: '密码强度不足：至少10位，且包含字母、数字、符号中的两类' },
  LEDGER_NOT_FOUND: { status: 404, message: '该机关的账本不存在' },
  LEDGER_ENTRY_NOT_FOUND: { status: 404, message: '账本中没有这一条记录' },
  CHECKPOINT_NOT_FOUND: { status: 404, message: '没有该大小的已签名检查点' },
  ENTRY_NOT_YET_CHECKPOINTED: { status: 409, message: '该记录刚写入账本，尚未被签名检查点覆盖，请几秒后重试' },
  INVALID_PROOF_RANGE: { status: 400, message: '证明范围无效：起始大小须在 1 与结束大小之间' },
  TRANSITION_NOT_ALLOWED: { status: 409, message: '案件当前环节不能直接转到所选环节' },
  TRANSITION_BLOCKED: { status: 409, message: '尚有必须完成的事项，不能进入下一环节：请按提示补齐记录或审批' },
  RECORD_NOT_FOR_STAGE: { status: 409, message: '该文书不属于案件当前环节' },
  CASE_CLOSED: { status: 409, message: '案件已结束，不能再制作记录' },
  RECORD_NOT_FOUND: { status: 404, message: '记录不存在或不属于该案件' },
  RECORD_SUPERSEDED: { status: 409, message: '该记录已有更正版本，请在最新版本上操作' },
  UNKNOWN_RECORD_KIND: { status: 400, message: '未知的文书种类' },
  INVALID_OFFICER: { status: 400, message: '执法人员无效：须为本机关在职的执法人员' },
  APPROVAL_NOT_PENDING: { status: 409, message: '该记录没有待办的审批步骤' },
  APPROVAL_WRONG_ROLE: { status: 403, message: '当前审批步骤须由指定职务的人员签署' },
  UNKNOWN_PROCEDURE: { status: 400, message: '未知的执法程序' },
  INVALID_CALENDAR_DAY: { status: 400, message: '日历日期无效' },
  CALENDAR_YEAR_NOT_COVERED: {
    status: 409,
    message: '该年度尚未建立工作日历，请先按国务院办公厅公布的安排建立全年日历',
  },
  CALENDAR_YEAR_EXISTS: { status: 409, message: '该年度的工作日历已经建立，请逐日修改' },
  EMPTY_FILE: { status: 400, message: '文件为空，不能作为证据' },
  TYPE_MISMATCH: { status: 415, message: '文件内容与声明的证据类型不符，未予保存' },
  UPLOAD_TOO_LARGE: { status: 413, message: '文件超过允许上传的最大大小' },
  UPLOAD_NOT_FOUND: { status: 404, message: '上传任务不存在' },
  UPLOAD_GONE: { status: 410, message: '上传任务已结束、已取消或已过期，请重新上传' },
  UPLOAD_OFFSET_MISMATCH: { status: 409, message: '续传位置与服务器已收到的字节数不一致，请从服务器记录的位置续传' },
  UPLOAD_CHECKSUM_MISMATCH: { status: 460, message: '数据块校验值不符，该数据块已丢弃，请重新发送' },
  UNSUPPORTED_CHECKSUM: { status: 400, message: '不支持的校验算法，请使用 sha1 或 sha256' },
  INVALID_DEVICE: { status: 400, message: '执法记录设备不存在、已停用或不属于本机关' },
  EVIDENCE_NOT_FOUND: { status: 404, message: '证据不存在' },
  DEVICE_NOT_FOUND: { status: 404, message: '设备不存在' },
  DEVICE_SERIAL_TAKEN: { status: 409, message: '本机关已登记该序列号的设备' },
  DEVICE_CHANGE_NOT_ALLOWED: { status: 409, message: '设备当前状态下不能进行该操作' },
  MALFORMED_JSON: { status: 400, message: '请求内容不是有效的 JSON' },
  BODY_TOO_LARGE: { status: 413, message: '请求内容过大' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '不支持的内容类型，请以 application/json 提交' },
  NOT_FOUND: { status: 404, message: '请求的地址不存在' },
  METHOD_NOT_ALLOWED: { status: 405, message: '不支持该请求方法' },
  RATE_LIMITED: { status: 429, message: '请求过于频繁，请稍后再试' },
  INTERNAL_ERROR: { status: 500, message: '系统内部错误，请稍后重试；如持续出现请联系系统管理员' },
};

/** Messages for single fields, shown beside the form field a problem belongs to. */
export const FIELD_MESSAGES: Partial<Record<HttpErrorCode, string>> = {
  VALIDATION_FAILED: '此项必填或格式不正确',
  INVALID_ID_NUMBER: ERROR_CATALOG.INVALID_ID_NUMBER.message,
  INVALID_CREDIT_CODE: ERROR_CATALOG.INVALID_CREDIT_CODE.message,
  INVALID_PHONE: ERROR_CATALOG.INVALID_PHONE.message,
  INVALID_DATE: ERROR_CATALOG.INVALID_DATE.message,
  DATE_IN_FUTURE: ERROR_CATALOG.DATE_IN_FUTURE.message,
  UNKNOWN_CASE_SOURCE: ERROR_CATALOG.UNKNOWN_CASE_SOURCE.message,
  TRANSFER_SOURCE_DETAIL_REQUIRED: ERROR_CATALOG.TRANSFER_SOURCE_DETAIL_REQUIRED.message,
  PARTY_FIELDS_MISMATCH: ERROR_CATALOG.PARTY_FIELDS_MISMATCH.message,
  INVALID_ROLE: ERROR_CATALOG.INVALID_ROLE.message,
  WEAK_PASSWORD: ERROR_CATALOG.WEAK_PASSWORD.message,
  EMPTY_FILE: ERROR_CATALOG.EMPTY_FILE.message,
  UPLOAD_TOO_LARGE: ERROR_CATALOG.UPLOAD_TOO_LARGE.message,
  INVALID_DEVICE: ERROR_CATALOG.INVALID_DEVICE.message,
};
