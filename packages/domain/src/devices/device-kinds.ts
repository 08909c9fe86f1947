import { cite, type Citation } from '../procedures/citation';

export type DeviceKindDefinition = { id: string; name: string; citations: readonly Citation[] };

/**
 * DEV-1: the recording devices an agency registers. S1 第二十三条 lists them (照相机、录音机、摄像机、执法记录仪和视频监控
 * 等记录设备和相关音像资料采集存储设备); S2 第九条 and S3 附件2 第二条 name the same kinds.
 */
export const DEVICE_KINDS = [
  {
    id: 'body_camera',
    name: '执法记录仪',
    citations: [cite('S1', '第二十三条'), cite('S1', '第二十五条'), cite('S2', '第九条'), cite('S3', '附件2 第四条')],
  },
  {
    id: 'camera',
    name: '照相机/摄像机',
    citations: [cite('S1', '第二十三条'), cite('S1', '第二十六条'), cite('S2', '第九条'), cite('S3', '附件2 第二条')],
  },
  {
    id: 'audio_recorder',
    name: '录音设备',
    citations: [cite('S1', '第二十三条'), cite('S1', '第二十六条'), cite('S2', '第九条')],
  },
  {
    id: 'fixed_surveillance',
    name: '固定监控设备',
    citations: [cite('S1', '第二十三条'), cite('S1', '第十条'), cite('S2', '第九条')],
  },
  {
    id: 'other',
    name: '其他',
    // 相关音像资料采集存储设备.
    citations: [cite('S1', '第二十三条')],
  },
] as const satisfies readonly DeviceKindDefinition[];

export type DeviceKind = (typeof DEVICE_KINDS)[number]['id'];

export const DEVICE_KIND_IDS: readonly DeviceKind[] = DEVICE_KINDS.map((k) => k.id);

export const isDeviceKind = (value: unknown): value is DeviceKind =>
  typeof value === 'string' && (DEVICE_KIND_IDS as readonly string[]).includes(value);

export const deviceKind = (id: DeviceKind): DeviceKindDefinition => DEVICE_KINDS.find((k) => k.id === id)!;
