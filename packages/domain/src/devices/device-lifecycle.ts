import { DomainError } from '../errors';
import { cite, type Citation } from '../procedures/citation';

/** DEV-1: where a device is. Nothing stores it: it is read from the device's events (deviceStateOf). */
export const DEVICE_STATES = {
  in_stock: '在库',
  assigned: '已发放',
  in_maintenance: '维修中',
  retired: '已报废',
} as const;
export type DeviceState = keyof typeof DEVICE_STATES;
export const DEVICE_STATE_IDS = Object.keys(DEVICE_STATES) as DeviceState[];

export const DEVICE_EVENT_TYPES = [
  'registered',
  'assigned',
  'returned',
  'maintenance_started',
  'maintenance_ended',
  'retired',
] as const;
export type DeviceEventType = (typeof DEVICE_EVENT_TYPES)[number];
/** What a device keeper may record after registration; `registered` is written once, by the registration itself. */
export type DeviceChangeType = Exclude<DeviceEventType, 'registered'>;

export type DeviceEventDefinition = {
  type: DeviceEventType;
  name: string;
  /** The states the event may follow; empty for `registered`, which only a registration writes. */
  from: readonly DeviceState[];
  to: DeviceState;
  /** An issue names who is responsible for the device: one person or one section (谁使用谁负责). */
  assignee: 'required' | 'none';
  note: 'required' | 'optional';
  citations: readonly Citation[];
};

/**
 * DEV-1: the device lifecycle as data. The office procures, registers and issues devices and keeps them maintained
 * (S1 第二十八条); whoever uses a device answers for it, the using section manages it day to day (S1 第二十七条);
 * devices are maintained regularly (S3 附件2 第十三条). A device in use is returned before it is retired, so the
 * holder's responsibility ends on a recorded date; maintenance takes the device back into the keeper's hands, and
 * after it the device is issued again. Retirement is final.
 */
export const DEVICE_EVENTS: Record<DeviceEventType, DeviceEventDefinition> = {
  registered: {
    type: 'registered',
    name: '登记入库',
    from: [],
    to: 'in_stock',
    assignee: 'none',
    note: 'optional',
    citations: [cite('S1', '第二十八条')],
  },
  assigned: {
    type: 'assigned',
    name: '发放',
    from: ['in_stock'],
    to: 'assigned',
    assignee: 'required',
    note: 'optional',
    citations: [cite('S1', '第二十七条'), cite('S1', '第二十八条')],
  },
  returned: {
    type: 'returned',
    name: '归还',
    from: ['assigned'],
    to: 'in_stock',
    assignee: 'none',
    note: 'optional',
    citations: [cite('S1', '第二十七条')],
  },
  maintenance_started: {
    type: 'maintenance_started',
    name: '送修',
    from: ['in_stock', 'assigned'],
    to: 'in_maintenance',
    assignee: 'none',
    note: 'optional',
    citations: [cite('S1', '第二十八条'), cite('S3', '附件2 第十三条')],
  },
  maintenance_ended: {
    type: 'maintenance_ended',
    name: '维修完成',
    from: ['in_maintenance'],
    to: 'in_stock',
    assignee: 'none',
    note: 'optional',
    citations: [cite('S1', '第二十八条'), cite('S3', '附件2 第十三条')],
  },
  retired: {
    type: 'retired',
    name: '报废停用',
    from: ['in_stock', 'in_maintenance'],
    to: 'retired',
    assignee: 'none',
    note: 'required',
    citations: [cite('S1', '第二十八条')],
  },
};

export const isDeviceEventType = (value: unknown): value is DeviceEventType =>
  typeof value === 'string' && (DEVICE_EVENT_TYPES as readonly string[]).includes(value);

export const isDeviceChangeType = (value: unknown): value is DeviceChangeType =>
  isDeviceEventType(value) && value !== 'registered';

/** One stored event, as much of it as the state needs. */
export type DeviceEventFact = {
  type: DeviceEventType;
  at: Date;
  assigneeUserId: string | null;
  assigneeSectionId: string | null;
};

/** A person, or a section as a whole (then every member answers for it). */
export type DeviceHolder = { userId: string | null; sectionId: string | null };

export type DeviceStatus = {
  state: DeviceState;
  /** Who answers for the device now; null unless it is issued. */
  holder: DeviceHolder | null;
  /** When the device entered its state; null with no events. */
  since: Date | null;
  lastEventType: DeviceEventType | null;
};

const fold = (status: DeviceStatus, event: DeviceEventFact): DeviceStatus => {
  const to = DEVICE_EVENTS[event.type].to;

  return {
    state: to,
    holder:
      to === 'assigned' ? { userId: event.assigneeUserId ?? null, sectionId: event.assigneeSectionId ?? null } : null,
    since: event.at,
    lastEventType: event.type,
  };
};

const INITIAL: DeviceStatus = { state: 'in_stock', holder: null, since: null, lastEventType: null };

/**
 * DEV-1: the device's state and holder, from its events in the order they were recorded. History is the truth: each
 * event sets the state its type leads to, whatever came before (the use-cases refuse events the lifecycle forbids).
 */
export const deviceStateOf = (events: readonly DeviceEventFact[]): DeviceStatus => events.reduce(fold, INITIAL);

/** DEV-2: who answered for the device at an instant, e.g. when a file recorded with it started; null if nobody. */
export const holderAt = (events: readonly DeviceEventFact[], instant: Date): DeviceHolder | null =>
  deviceStateOf(events.filter((e) => e.at.getTime() <= instant.getTime())).holder;

/** The changes a device keeper may record in a state, in lifecycle order. */
export const allowedDeviceChanges = (state: DeviceState): DeviceChangeType[] =>
  DEVICE_EVENT_TYPES.filter((t): t is DeviceChangeType => t !== 'registered' && DEVICE_EVENTS[t].from.includes(state));

const refusalReason = (state: DeviceState, type: DeviceChangeType): string => {
  if (state === 'retired') return '设备已报废，不能再作任何变更';
  if (type === 'assigned' && state === 'assigned') return '设备已发放，须先办理归还才能再次发放';
  if (type === 'assigned' && state === 'in_maintenance') return '设备正在维修，维修完成后方可发放';
  if (type === 'retired' && state === 'assigned') return '设备仍在使用中，须先办理归还才能报废';

  return `设备当前${DEVICE_STATES[state]}，不能${DEVICE_EVENTS[type].name}`;
};

/** DEV-1: refuses a change the lifecycle does not allow from the current state, saying why and what is allowed. */
export const assertDeviceChangeAllowed = (state: DeviceState, type: DeviceChangeType): void => {
  if (DEVICE_EVENTS[type].from.includes(state)) return;
  throw new DomainError('DEVICE_CHANGE_NOT_ALLOWED', {
    state,
    type,
    allowed: allowedDeviceChanges(state),
    reason: refusalReason(state, type),
  });
};

export type DeviceChangeInput = {
  type: string;
  assigneeUserId?: string | null;
  assigneeSectionId?: string | null;
  note?: string | null;
};

export type DeviceChange = {
  type: DeviceChangeType;
  assigneeUserId: string | null;
  assigneeSectionId: string | null;
  note: string | null;
};

export type DeviceProblem = { field: string; code: 'VALIDATION_FAILED' | 'INVALID_DATE' | 'DATE_IN_FUTURE' };

export const DEVICE_NOTE_MAX_LENGTH = 500;

/** DEV-1: checks a change's shape, listing every problem at once; the state is checked against the stored events. */
export const validateDeviceChange = (
  input: DeviceChangeInput,
): { change: DeviceChange | null; problems: DeviceProblem[] } => {
  const problems: DeviceProblem[] = [];
  const note = input.note?.trim() || null;
  if (note !== null && note.length > DEVICE_NOTE_MAX_LENGTH)
    problems.push({ field: 'note', code: 'VALIDATION_FAILED' });
  if (!isDeviceChangeType(input.type)) {
    problems.push({ field: 'type', code: 'VALIDATION_FAILED' });

    return { change: null, problems };
  }
  const definition = DEVICE_EVENTS[input.type];
  const userId = input.assigneeUserId?.trim() || null;
  const sectionId = input.assigneeSectionId?.trim() || null;
  if (definition.assignee === 'required') {
    // Exactly one: a person, or a section; never both, never neither.
    if ((userId === null) === (sectionId === null)) {
      problems.push({ field: userId === null ? 'assigneeUserId' : 'assigneeSectionId', code: 'VALIDATION_FAILED' });
    }
  } else {
    if (userId !== null) problems.push({ field: 'assigneeUserId', code: 'VALIDATION_FAILED' });
    if (sectionId !== null) problems.push({ field: 'assigneeSectionId', code: 'VALIDATION_FAILED' });
  }
  if (definition.note === 'required' && note === null) problems.push({ field: 'note', code: 'VALIDATION_FAILED' });
  if (problems.length > 0) return { change: null, problems };

  return { change: { type: input.type, assigneeUserId: userId, assigneeSectionId: sectionId, note }, problems };
};
