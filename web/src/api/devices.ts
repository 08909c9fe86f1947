import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request, toQueryString } from './http';
import type { Citation } from './procedure-types';
import type { ActorRef } from './types';

// DEV-1, DEV-2, AV-5: the device register (server/src/routes/device-routes.ts).

export type DeviceState = 'in_stock' | 'assigned' | 'in_maintenance' | 'retired';

export type DeviceChangeType = 'assigned' | 'returned' | 'maintenance_started' | 'maintenance_ended' | 'retired';

export type DeviceCheckRule = {
  id: string;
  name: string;
  field: 'batteryPercent' | 'freeStorageMb' | 'clockOffsetSeconds';
  comparison: 'at_least' | 'within';
  limit: number;
  unit: string;
  requirement: string;
  citations: Citation[];
};

export type DeviceCatalog = {
  kinds: { id: string; name: string; citations: Citation[] }[];
  states: { id: DeviceState; name: string }[];
  events: {
    type: string;
    name: string;
    from: DeviceState[];
    to: DeviceState;
    assignee: 'required' | 'none';
    note: 'required' | 'optional';
    citations: Citation[];
  }[];
  checkRules: DeviceCheckRule[];
  checkableStates: DeviceState[];
};

export type DeviceHolder = {
  userId: string | null;
  userName: string | null;
  sectionId: string | null;
  sectionName: string | null;
};

export type FailedCheckItem = { id: string; name: string; message: string };

export type DeviceSummary = {
  id: string;
  kind: string;
  kindName: string;
  serialNumber: string;
  model: string;
  name: string;
  procuredOn: string | null;
  createdAt: string;
  state: DeviceState;
  stateName: string;
  since: string | null;
  holder: DeviceHolder | null;
  lastCheck: {
    id: string;
    isReady: boolean;
    checkedAt: string;
    checkedBy: ActorRef;
    failed: FailedCheckItem[];
  } | null;
  checkCount: number;
  evidenceCount: number;
  allowedChanges: DeviceChangeType[];
  canCheck: boolean;
};

export type DeviceRegister = {
  devices: DeviceSummary[];
  counts: Record<DeviceState, number> & { total: number };
  permissions: { canManage: boolean; canCheck: boolean };
};

export type DeviceCheckItem = {
  id: string;
  name: string;
  value: number;
  isPassed: boolean;
  requirement: string;
  message: string | null;
  citations: Citation[];
};

export type DeviceDetail = DeviceSummary & {
  canSeeCases: boolean;
  events: {
    id: string;
    type: string;
    name: string;
    at: string;
    actor: ActorRef;
    assignee: DeviceHolder | null;
    note: string | null;
  }[];
  checks: {
    id: string;
    batteryPercent: number;
    freeStorageMb: number;
    clockOffsetSeconds: number;
    isReady: boolean;
    note: string | null;
    checkedAt: string;
    checkedBy: ActorRef;
    case: { id: string; number: string } | null;
    items: DeviceCheckItem[];
  }[];
  files: {
    id: string;
    kind: string;
    case: { id: string; number: string } | null;
    filename: string | null;
    recordedStartedAt: string;
    recordedEndedAt: string | null;
    officers: ActorRef[];
    holderAtRecording: DeviceHolder | null;
    uploadedBy: ActorRef;
    uploadedAt: string;
    uploadDueAt: string | null;
    uploadDelaySeconds: number;
    lateBySeconds: number | null;
  }[];
};

export type DeviceAssignees = {
  users: { id: string; displayName: string; sectionId: string | null }[];
  sections: { id: string; name: string }[];
};

export type RegisterDeviceRequest = {
  kind: string;
  serialNumber: string;
  model: string;
  name: string;
  procuredOn: string | null;
};

export type DeviceChangeRequest = {
  type: DeviceChangeType;
  assigneeUserId?: string | null;
  assigneeSectionId?: string | null;
  note?: string | null;
};

export type DeviceCheckRequest = {
  batteryPercent: number;
  freeStorageMb: number;
  clockOffsetSeconds: number;
  caseId?: string | null;
  note?: string | null;
};

export type DeviceCheckResponse = {
  id: string;
  deviceId: string;
  isReady: boolean;
  checkedAt: string;
  items: DeviceCheckItem[];
  failed: FailedCheckItem[];
};

export type DeviceHolderFilter = 'all' | 'me';

export const deviceKeys = {
  all: ['devices'] as const,
  catalog: ['devices', 'catalog'] as const,
  list: (holder: DeviceHolderFilter) => ['devices', 'list', holder] as const,
  detail: (id: string) => ['devices', 'detail', id] as const,
  assignees: ['devices', 'assignees'] as const,
};

export const useDeviceCatalog = () =>
  useQuery({
    queryKey: deviceKeys.catalog,
    queryFn: () => request<DeviceCatalog>('GET', '/api/devices/catalog'),
    staleTime: Number.POSITIVE_INFINITY,
  });

/** The register; `me` lists the devices issued to the signed-in officer or the officer's section (upload form). */
export const useDevices = (holder: DeviceHolderFilter = 'all', isEnabled = true) =>
  useQuery({
    queryKey: deviceKeys.list(holder),
    enabled: isEnabled,
    queryFn: () =>
      request<DeviceRegister>('GET', `/api/devices${toQueryString({ holder: holder === 'me' ? 'me' : null })}`),
  });

export const useDevice = (id: string | null) =>
  useQuery({
    queryKey: deviceKeys.detail(id ?? ''),
    queryFn: () => request<DeviceDetail>('GET', `/api/devices/${encodeURIComponent(id!)}`),
    enabled: id !== null,
  });

export const useDeviceAssignees = (isEnabled: boolean) =>
  useQuery({
    queryKey: deviceKeys.assignees,
    queryFn: () => request<DeviceAssignees>('GET', '/api/devices/assignees'),
    enabled: isEnabled,
  });

const useRefreshDevices = () => {
  const queryClient = useQueryClient();

  return (detail?: DeviceDetail) => {
    if (detail) queryClient.setQueryData(deviceKeys.detail(detail.id), detail);

    return queryClient.invalidateQueries({
      queryKey: deviceKeys.all,
      predicate: (q) => q.queryKey[1] === 'list' || (q.queryKey[1] === 'detail' && !detail),
    });
  };
};

export const useRegisterDevice = () => {
  const refresh = useRefreshDevices();

  return useMutation({
    mutationFn: (body: RegisterDeviceRequest) => request<DeviceDetail>('POST', '/api/devices', body),
    onSuccess: (detail) => refresh(detail),
  });
};

export const useChangeDevice = (deviceId: string) => {
  const refresh = useRefreshDevices();

  return useMutation({
    mutationFn: (body: DeviceChangeRequest) =>
      request<DeviceDetail>('POST', `/api/devices/${encodeURIComponent(deviceId)}/events`, body),
    onSuccess: (detail) => refresh(detail),
  });
};

export const useCheckDevice = (deviceId: string) => {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: (body: DeviceCheckRequest) =>
      request<DeviceCheckResponse>('POST', `/api/devices/${encodeURIComponent(deviceId)}/checks`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: deviceKeys.all }),
  });
};
