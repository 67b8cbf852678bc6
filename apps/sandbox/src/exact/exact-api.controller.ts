import { All, Controller, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ExactApi } from './exact-api.service';

/** Exact Online's REST root. One route: the simulator dispatches like Exact's own OData layer. */
@Controller('api/v1')
export class ExactApiController {
  constructor(private readonly api: ExactApi) {}

  @All('*path')
  async handle(@Req() request: Request, @Res() response: Response): Promise<void> {
    const answer = await this.api.handle({
      method: request.method,
      path: decodeURIComponent(request.path.replace(/^\/api\/v1\//, '')),
      query: Object.fromEntries(
        Object.entries(request.query).map(([key, value]) => [key, String(value)]),
      ),
      authorization: request.headers.authorization,
      body: request.body,
      origin: `${request.protocol}://${request.get('host')}`,
    });
    response.status(answer.status).set(answer.headers);
    if (answer.body === undefined || answer.body === '') response.end();
    else response.json(answer.body);
  }
}
