import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

/**
 * Request validation for the whole API: unknown fields are refused, values are converted to their
 * declared types, and a 400 names every offending field.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
