import { ValidationOptions, registerDecorator } from 'class-validator';

/** A URL whose scheme is one of `protocols` (postgres://…, amqp://…); hosts need no TLD. */
export function IsServiceUrl(protocols: string[], options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isServiceUrl',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: `must be a ${protocols.map((p) => `${p}://`).join(' or ')} URL`,
        ...options,
      },
      validator: {
        validate(value: unknown) {
          if (typeof value !== 'string') return false;
          try {
            const url = new URL(value);
            return protocols.includes(url.protocol.replace(/:$/, '')) && url.hostname !== '';
          } catch {
            return false;
          }
        },
      },
    });
}

/** A base64 string that decodes to exactly `bytes` bytes (e.g. a 32-byte AES key). */
export function IsBase64Key(bytes: number, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isBase64Key',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `must be ${bytes} bytes encoded as base64`, ...options },
      validator: {
        validate(value: unknown) {
          return (
            typeof value === 'string' &&
            /^[A-Za-z0-9+/]+={0,2}$/.test(value) &&
            Buffer.from(value, 'base64').length === bytes
          );
        },
      },
    });
}
