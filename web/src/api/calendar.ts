import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from './http';
import { queryKeys } from './query-keys';
import { refreshMyWork } from './workspace';
import type { CalendarYear } from './workspace-types';

export const useCalendarYear = (year: number) =>
  useQuery({
    queryKey: queryKeys.calendarYear(year),
    queryFn: () => request<CalendarYear>('GET', `/api/calendar?year=${year}`),
    placeholderData: keepPreviousData,
  });

export type CalendarDayChange = { date: string; isWorkingDay: boolean; name: string | null };

export const useSetCalendarDay = () => {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: ({ date, ...body }: CalendarDayChange) =>
      request<void>('PUT', `/api/calendar/${encodeURIComponent(date)}`, body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.calendar }),
        // Working days move deadlines.
        refreshMyWork(queryClient),
        queryClient.invalidateQueries({ queryKey: [...queryKeys.cases, 'workspace'] }),
      ]),
  });
};
