import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isApiError, request } from './http';
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

/** POST /api/calendar/years: a whole new year, Monday–Friday working except the days listed (PROC-8). */
export type CalendarYearRequest = {
  year: number;
  exceptions: { date: string; isWorkingDay: boolean; name: string | null }[];
};

export type CalendarYearCreated = { year: number; days: number; nonWorkingDays: number };

export const useAddCalendarYear = () => {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: (body: CalendarYearRequest) => request<CalendarYearCreated>('POST', '/api/calendar/years', body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.calendar }),
        // Deadlines that ran into the year were estimates until now.
        refreshMyWork(queryClient),
        queryClient.invalidateQueries({ queryKey: [...queryKeys.cases, 'workspace'] }),
      ]),
    // Someone else entered the year meanwhile: show theirs.
    onError: (error) =>
      isApiError(error) && error.code === 'CALENDAR_YEAR_EXISTS'
        ? queryClient.invalidateQueries({ queryKey: queryKeys.calendar })
        : undefined,
  });
};
