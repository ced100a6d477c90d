import { describe, expect, it } from 'vitest';
import { GET } from '@/app/api/team/route';
import { PUT } from '@/app/api/team/[userId]/route';
import { GET as meGET } from '@/app/api/me/route';
import { setupTestDatabase } from '../setup/db';
import { panelRequest } from '../support/app';
import { json, seedStore } from './panel-support';

const { db } = setupTestDatabase();

const setRole = (token: string, userId: string, role: string) =>
  panelRequest(PUT, token, `/api/team/${userId}`, { method: 'PUT', body: JSON.stringify({ role }) }, { userId });

describe('team and roles', () => {
  it('an admin lists the team and changes a role, audited; the new role applies at once', async () => {
    const store = await seedStore(db(), 'team1');
    const { body } = await json<{ members: Array<{ userId: string; email: string; role: string }> }>(panelRequest(GET, store.tokens.ADMIN, '/api/team'));
    expect(body.members.map((m) => m.role).sort()).toEqual(['ADMIN', 'CX', 'FINANCE', 'OPS']);
    const cx = body.members.find((m) => m.role === 'CX')!;
    expect((await setRole(store.tokens.ADMIN, cx.userId, 'OPS')).status).toBe(200);
    expect((await json<{ role: string }>(panelRequest(meGET, store.tokens.CX, '/api/me'))).body.role).toBe('OPS');
    const audit = await db().auditLog.findFirstOrThrow({ where: { storeId: store.storeId, action: 'team.set-role' } });
    expect(audit).toMatchObject({ actorEmail: store.emails.ADMIN, before: { role: 'CX' }, after: { role: 'OPS' } });
  });

  it('only admins manage roles, the owner stays admin, and other stores are out of reach', async () => {
    const store = await seedStore(db(), 'team2');
    const other = await seedStore(db(), 'team3');
    const members = (await json<{ members: Array<{ userId: string; role: string }> }>(panelRequest(GET, store.tokens.ADMIN, '/api/team'))).body.members;
    const admin = members.find((m) => m.role === 'ADMIN')!;
    expect((await panelRequest(GET, store.tokens.OPS, '/api/team')).status).toBe(403);
    expect((await setRole(store.tokens.OPS, admin.userId, 'CX')).status).toBe(403);
    await db().storeUser.updateMany({ where: { storeId: store.storeId, userId: admin.userId }, data: { isOwner: true } });
    expect((await setRole(store.tokens.ADMIN, admin.userId, 'CX')).status).toBe(400);
    expect((await setRole(other.tokens.ADMIN, admin.userId, 'CX')).status).toBe(404);
    expect((await setRole(store.tokens.ADMIN, admin.userId, 'SUPERUSER')).status).toBe(400);
  });
});
