import { DomainError } from '@liuhen/domain';

/** The code and details a use-case refused with, or code 'none' when it did not refuse. */
export const refusalOf = async (promise: Promise<unknown>): Promise<{ code: string; details: unknown }> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, details: error.details };
    throw error;
  }

  return { code: 'none', details: null };
};

export const codeOf = async (promise: Promise<unknown>): Promise<string> => (await refusalOf(promise)).code;
