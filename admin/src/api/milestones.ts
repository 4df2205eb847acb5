import type { CreateMilestoneRequest, MilestoneView, UpdateMilestoneRequest } from '@member-commerce/shared';
import { http } from './client';

export const listMilestones = () => http.get<MilestoneView[]>('/api/admin/milestones');

export const createMilestone = (body: CreateMilestoneRequest) => http.post<MilestoneView>('/api/admin/milestones', body);

export const updateMilestone = (id: number, body: UpdateMilestoneRequest) => http.patch<MilestoneView>(`/api/admin/milestones/${id}`, body);

export const deleteMilestone = (id: number) => http.delete(`/api/admin/milestones/${id}`);
