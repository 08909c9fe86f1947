import dayjs from 'dayjs';

export const DATE_FORMAT = 'YYYY-MM-DD';
export const DATE_TIME_FORMAT = 'YYYY-MM-DD HH:mm:ss';

/** Local calendar date, which is what an officer means by 今天. */
export const todayIso = (): string => dayjs().format(DATE_FORMAT);

export const formatDateTime = (iso: string, format: string = DATE_TIME_FORMAT): string => {
  const value = dayjs(iso);

  return value.isValid() ? value.format(format) : iso;
};
