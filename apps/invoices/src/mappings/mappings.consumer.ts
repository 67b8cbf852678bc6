import {
  INVOICES_PATTERNS,
  InvoiceMappingsReply,
  InvoiceMappingsRequest,
  answerRpc,
  rpcFailure,
} from '@app/contracts';
import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, Payload, RmqContext } from '@nestjs/microservices';
import { MappingChangesRefused, MappingsService } from './mappings.service';

/** invoices.mappings on `exact-sync`: the gateway's mapping screens. */
@Controller()
export class MappingsConsumer {
  constructor(private readonly mappings: MappingsService) {}

  @MessagePattern(INVOICES_PATTERNS.mappings)
  mappingsRequest(@Payload() body: unknown, @Ctx() context: RmqContext) {
    return answerRpc(
      context,
      InvoiceMappingsRequest,
      body,
      async (request): Promise<InvoiceMappingsReply> => {
        if (request.action === 'list')
          return {
            ok: true,
            items: await this.mappings.list(request.connectionId, request.list, request.refresh),
          };
        const done =
          request.action === 'put'
            ? await this.mappings.put(request.connectionId, request.list, request.mappings ?? [])
            : await this.mappings.auto(request.connectionId, request.list);
        return { ok: true, ...done };
      },
      (failure): InvoiceMappingsReply => ({
        ...rpcFailure(failure),
        ...(failure.error instanceof MappingChangesRefused
          ? { refused: failure.error.refused }
          : {}),
      }),
    );
  }
}
