import { z } from 'zod';
import type { DbClient } from '../db/types';
import { AppRole } from '../generated/prisma/enums';
import { recordAudit } from '../sync/panel/record-audit';

/** Who can use the app for a store and with which role. The store owner is always an admin. */
export interface TeamMember {
  userId: string;
  email: string;
  role: AppRole;
  isOwner: boolean;
}

export const setRoleSchema = z.object({ role: z.enum(AppRole) }).strict();

export class TeamError extends Error {
  override name = 'TeamError';
  constructor(
    message: string,
    readonly status: 400 | 404,
  ) {
    super(message);
  }
}

export async function listTeam(db: DbClient, storeId: string): Promise<TeamMember[]> {
  const members = await db.storeUser.findMany({ where: { storeId }, include: { user: true }, orderBy: { createdAt: 'asc' } });
  return members.map((m) => ({ userId: m.userId, email: m.user.email, role: m.role, isOwner: m.isOwner }));
}

export async function setMemberRole(db: DbClient, storeId: string, userId: string, role: AppRole, actorEmail: string): Promise<TeamMember> {
  // Anything but a UUID cannot name a member (and would be a database error, not a 404).
  if (!z.uuid().safeParse(userId).success) throw new TeamError('No such user in this store', 404);
  const member = await db.storeUser.findUnique({ where: { storeId_userId: { storeId, userId } }, include: { user: true } });
  if (!member) throw new TeamError('No such user in this store', 404);
  if (member.isOwner && role !== 'ADMIN') throw new TeamError('The store owner is always an admin', 400);
  await db.storeUser.update({ where: { id: member.id }, data: { role } });
  await recordAudit(db, storeId, { actorEmail, action: 'team.set-role', entity: 'StoreUser', entityId: member.id, before: { email: member.user.email, role: member.role }, after: { email: member.user.email, role } });
  return { userId, email: member.user.email, role, isOwner: member.isOwner };
}
