import { describe, expect, it } from 'vitest';
import { loginPathFor, safeRedirect } from './redirect';

describe('safeRedirect', () => {
  it('follows same-site paths with their query', () => {
    expect(safeRedirect('/cases?page=2&q=%E5%BC%A0')).toBe('/cases?page=2&q=%E5%BC%A0');
  });

  it('refuses other sites and odd values', () => {
    for (const value of [null, undefined, '', 'https://evil.example', '//evil.example', '/\\evil.example', 'cases']) {
      expect(safeRedirect(value)).toBe('/');
    }
  });

  it('never sends the user back to the login page', () => {
    expect(safeRedirect('/login?redirect=%2Fcases')).toBe('/');
  });
});

describe('loginPathFor', () => {
  it('keeps the intended path', () => {
    expect(loginPathFor('/cases/abc?x=1')).toBe('/login?redirect=%2Fcases%2Fabc%3Fx%3D1');
  });

  it('leaves the home page implicit', () => {
    expect(loginPathFor('/')).toBe('/login');
  });
});
