// RFC 8785 (JCS) subset: sorted keys, no whitespace, integers only. Leaves are hashed as these exact bytes,
// so a value that JCS would render differently across implementations (floats, -0, huge ints) is refused.
export type CanonicalValue =
  null | boolean | number | string | readonly CanonicalValue[] | { readonly [key: string]: CanonicalValue };

const render = (value: unknown, path: string): string => {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isSafeInteger(value) || Object.is(value, -0)) {
        throw new TypeError(`canonical JSON allows only safe integers (at ${path || '$'})`);
      }

      return String(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((item, i) => render(item, `${path}[${i}]`)).join(',')}]`;
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) {
        throw new TypeError(`canonical JSON allows only plain objects (at ${path || '$'})`);
      }
      // Default sort compares UTF-16 code units, which is exactly the JCS key order.
      const keys = Object.keys(value).sort();

      return `{${keys
        .map((key) => {
          const item = (value as Record<string, unknown>)[key];
          if (item === undefined) throw new TypeError(`canonical JSON has no undefined (at ${path}.${key})`);

          return `${JSON.stringify(key)}:${render(item, `${path}.${key}`)}`;
        })
        .join(',')}}`;
    }
    default:
      throw new TypeError(`canonical JSON cannot hold ${typeof value} (at ${path || '$'})`);
  }
};

export const canonicalJson = (value: CanonicalValue): string => render(value, '');

export const canonicalBytes = (value: CanonicalValue): Uint8Array => new TextEncoder().encode(canonicalJson(value));
