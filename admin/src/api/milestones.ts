import type { CreateMilestoneRequest, MilestoneView, UpdateMilestoneRequest } from '@member-commerce/shared';
import { api, call } from './client';

export const listMilestones = () => call<MilestoneView[]>(api.GET('/api/admin/milestones'));

export const createMilestone = (body: CreateMilestoneRequest) => call<MilestoneView>(api.POST('/api/admin/milestones', { body }));

export const updateMilestone = (id: number, body: UpdateMilestoneRequest) =>
  call<MilestoneView>(api.PATCH('/api/admin/milestones/{id}', { params: { path: { id } }, body: body }));

export const deleteMilestone = (id: number) => call<void>(api.DELETE('/api/admin/milestones/{id}', { params: { path: { id } } }));
