import {
  ArgumentMetadata,
  BadRequestException,
  ValidationError,
  ValidationPipe,
} from '@nestjs/common';

/**
 * Validates, then leaves out what the request did not send: a DTO instance declares every field
 * (as undefined), and a partial change spread over stored values must not reset the others.
 */
class ApiValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    return withoutUnsetFields(await super.transform(value, metadata));
  }
}

function withoutUnsetFields<T>(value: T): T {
  if (Array.isArray(value)) value.forEach(withoutUnsetFields);
  else if (value !== null && typeof value === 'object' && !(value instanceof Date))
    for (const [key, field] of Object.entries(value)) {
      if (field === undefined) delete (value as Record<string, unknown>)[key];
      else withoutUnsetFields(field);
    }
  return value;
}

/**
 * Request validation for the whole API: unknown fields are refused, values are converted to their
 * declared types, what was not sent is left out, and a 400 names every offending field.
 */
export function createValidationPipe(): ValidationPipe {
  return new ApiValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors: ValidationError[]) => {
      const problems = flatten(errors);
      return new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: problems.map((p) => p.message),
        fields: [...new Set(problems.map((p) => p.field))],
      });
    },
  });
}

function flatten(errors: ValidationError[], prefix = ''): { field: string; message: string }[] {
  return errors.flatMap((error) => {
    const field = `${prefix}${error.property}`;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      message: message.startsWith(error.property) ? `${prefix}${message}` : `${field}: ${message}`,
    }));
    return [...own, ...flatten(error.children ?? [], `${field}.`)];
  });
}
