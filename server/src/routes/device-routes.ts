import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { onRequestAsyncHookHandler } from 'fastify';
import { Type } from 'typebox';
import { actorOf } from '../http/request-actor';
import { errorResponses } from '../http/schemas';
import {
  presentDeviceCatalog,
  presentDeviceCheck,
  presentDeviceDetail,
  presentDeviceRegister,
} from '../presenters/device-presenter';
import { changeDevice } from '../use-cases/change-device';
import { checkDevice } from '../use-cases/check-device';
import type { UseCaseContext } from '../use-cases/context';
import { getDevice } from '../use-cases/get-device';
import { listDeviceAssignees } from '../use-cases/list-device-assignees';
import { listDevices } from '../use-cases/list-devices';
import { registerDevice } from '../use-cases/register-device';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

const DeviceParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

const Citations = Type.Array(Type.Object({ source: Type.String(), article: Type.String(), text: Type.String() }));
const ActorRef = Type.Object({ id: Type.String(), displayName: Type.String() });
const Holder = Nullable(
  Type.Object({
    userId: Nullable(Type.String()),
    userName: Nullable(Type.String()),
    sectionId: Nullable(Type.String()),
    sectionName: Nullable(Type.String()),
  }),
);
const FailedItem = Type.Object({ id: Type.String(), name: Type.String(), message: Type.String() });
const CheckItem = Type.Object({
  id: Type.String(),
  name: Type.String(),
  value: Type.Number(),
  isPassed: Type.Boolean(),
  requirement: Type.String(),
  message: Nullable(Type.String()),
  citations: Citations,
});

const DeviceSummaryProperties = {
  id: Type.String(),
  kind: Type.String({ description: 'body_camera | camera | audio_recorder | fixed_surveillance | other' }),
  kindName: Type.String(),
  serialNumber: Type.String(),
  model: Type.String(),
  name: Type.String(),
  procuredOn: Nullable(Type.String({ format: 'date' })),
  createdAt: Type.String(),
  state: Type.String({ description: 'in_stock | assigned | in_maintenance | retired, from the device events' }),
  stateName: Type.String(),
  since: Nullable(Type.String()),
  holder: Holder,
  lastCheck: Nullable(
    Type.Object({
      id: Type.String(),
      isReady: Type.Boolean(),
      checkedAt: Type.String(),
      checkedBy: ActorRef,
      failed: Type.Array(FailedItem),
    }),
  ),
  checkCount: Type.Integer(),
  evidenceCount: Type.Integer(),
  allowedChanges: Type.Array(Type.String(), { description: 'the changes the signed-in keeper may record now' }),
  canCheck: Type.Boolean({ description: 'whether the signed-in user may log a pre-use check now' }),
};
const DeviceSummary = Type.Object(DeviceSummaryProperties);

const DeviceRegisterSchema = Type.Object({
  devices: Type.Array(DeviceSummary),
  counts: Type.Object({
    in_stock: Type.Integer(),
    assigned: Type.Integer(),
    in_maintenance: Type.Integer(),
    retired: Type.Integer(),
    total: Type.Integer(),
  }),
  permissions: Type.Object({ canManage: Type.Boolean(), canCheck: Type.Boolean() }),
});

const DeviceDetailSchema = Type.Object({
  ...DeviceSummaryProperties,
  canSeeCases: Type.Boolean({ description: 'ORG-4: case numbers and file names only for those who read cases' }),
  events: Type.Array(
    Type.Object({
      id: Type.String(),
      type: Type.String(),
      name: Type.String(),
      at: Type.String(),
      actor: ActorRef,
      assignee: Holder,
      note: Nullable(Type.String()),
    }),
  ),
  checks: Type.Array(
    Type.Object({
      id: Type.String(),
      batteryPercent: Type.Integer(),
      freeStorageMb: Type.Integer(),
      clockOffsetSeconds: Type.Integer(),
      isReady: Type.Boolean(),
      note: Nullable(Type.String()),
      checkedAt: Type.String(),
      checkedBy: ActorRef,
      case: Nullable(Type.Object({ id: Type.String(), number: Type.String() })),
      items: Type.Array(CheckItem),
    }),
  ),
  files: Type.Array(
    Type.Object({
      id: Type.String(),
      kind: Type.String(),
      case: Nullable(Type.Object({ id: Type.String(), number: Type.String() })),
      filename: Nullable(Type.String()),
      recordedStartedAt: Type.String(),
      recordedEndedAt: Nullable(Type.String()),
      officers: Type.Array(ActorRef),
      holderAtRecording: Holder,
      uploadedBy: ActorRef,
      uploadedAt: Type.String(),
      uploadDueAt: Nullable(Type.String()),
      uploadDelaySeconds: Type.Integer(),
      lateBySeconds: Nullable(Type.Integer()),
    }),
  ),
});

const DeviceCheckSchema = Type.Object({
  id: Type.String(),
  deviceId: Type.String(),
  isReady: Type.Boolean(),
  checkedAt: Type.String(),
  items: Type.Array(CheckItem),
  failed: Type.Array(FailedItem),
});

export const deviceRoutes: FastifyPluginAsyncTypebox<{
  ctx: UseCaseContext;
  requireUser: onRequestAsyncHookHandler;
}> = async (app, { ctx, requireUser }) => {
  app.addHook('onRequest', requireUser);

  app.get(
    '/devices/catalog',
    {
      schema: {
        tags: ['devices'],
        summary: '设备类别、状态流转与使用前检查规则（数据，附依据）',
        response: { 200: Type.Unknown(), ...errorResponses(401) },
      },
    },
    async () => presentDeviceCatalog(),
  );

  app.get(
    '/devices',
    {
      schema: {
        tags: ['devices'],
        summary: '本机关设备台账：状态、使用人、最近一次使用前检查（DEV-1、DEV-2）',
        description: 'holder=me 只列出发放给本人或本人所在科室的设备，供上传音像资料时选择。',
        querystring: Type.Object(
          { holder: Type.Optional(Type.Literal('me', { description: 'me: 发放给本人或本科室的设备' })) },
          { additionalProperties: false },
        ),
        response: { 200: DeviceRegisterSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => presentDeviceRegister(await listDevices({ ctx, actor: actorOf(request), query: request.query })),
  );

  app.post(
    '/devices',
    {
      schema: {
        tags: ['devices'],
        summary: '登记设备：类别、序列号、型号、名称、采购日期（设备管理员）',
        body: Type.Object(
          {
            kind: Type.String({ maxLength: 40 }),
            serialNumber: Type.String({ maxLength: 64 }),
            model: Type.String({ maxLength: 100 }),
            name: Type.String({ maxLength: 50 }),
            procuredOn: Type.Optional(Nullable(Type.String({ maxLength: 10, description: 'YYYY-MM-DD' }))),
          },
          { additionalProperties: false },
        ),
        response: { 201: DeviceDetailSchema, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const device = await registerDevice({ ctx, actor, input: request.body });

      return reply.status(201).send(presentDeviceDetail(await getDevice({ ctx, actor, deviceId: device.id })));
    },
  );

  app.get(
    '/devices/assignees',
    {
      schema: {
        tags: ['devices'],
        summary: '可发放对象：本机关使用设备的在职人员与科室（设备管理员）',
        response: {
          200: Type.Object({
            users: Type.Array(
              Type.Object({ id: Type.String(), displayName: Type.String(), sectionId: Nullable(Type.String()) }),
            ),
            sections: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
          }),
          ...errorResponses(401, 403),
        },
      },
    },
    async (request) => listDeviceAssignees({ ctx, actor: actorOf(request) }),
  );

  app.get(
    '/devices/:id',
    {
      schema: {
        tags: ['devices'],
        summary: '设备详情：履历、使用前检查记录、用该设备摄录的文件（谁在何时使用）',
        params: DeviceParams,
        response: { 200: DeviceDetailSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      presentDeviceDetail(await getDevice({ ctx, actor: actorOf(request), deviceId: request.params.id })),
  );

  app.post(
    '/devices/:id/events',
    {
      schema: {
        tags: ['devices'],
        summary: '设备流转：发放给个人或科室、归还、送修、维修完成、报废（设备管理员）',
        params: DeviceParams,
        body: Type.Object(
          {
            type: Type.String({
              maxLength: 40,
              description: 'assigned | returned | maintenance_started | maintenance_ended | retired',
            }),
            assigneeUserId: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
            assigneeSectionId: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
            note: Type.Optional(Nullable(Type.String({ maxLength: 500, description: '报废时必填' }))),
          },
          { additionalProperties: false },
        ),
        response: { 201: DeviceDetailSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await changeDevice({ ctx, actor, deviceId: request.params.id, input: request.body });

      return reply.status(201).send(presentDeviceDetail(await getDevice({ ctx, actor, deviceId: request.params.id })));
    },
  );

  app.post(
    '/devices/:id/checks',
    {
      schema: {
        tags: ['devices'],
        summary: '使用前检查：电量、存储空间、日期时间设定（AV-5）',
        description: '未通过的检查也予记录，并列出未通过的项目及依据。',
        params: DeviceParams,
        body: Type.Object(
          {
            batteryPercent: Type.Integer({ description: '电量（%），0–100' }),
            freeStorageMb: Type.Integer({ description: '剩余存储空间（MB）' }),
            clockOffsetSeconds: Type.Integer({ description: '设备时间减标准时间（秒），快为正、慢为负' }),
            caseId: Type.Optional(Nullable(Type.String({ maxLength: 40, description: '本次出勤办理的案件' }))),
            note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
          },
          { additionalProperties: false },
        ),
        response: { 201: DeviceCheckSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const result = await checkDevice({
        ctx,
        actor: actorOf(request),
        deviceId: request.params.id,
        input: request.body,
      });

      return reply.status(201).send(presentDeviceCheck(result));
    },
  );
};
