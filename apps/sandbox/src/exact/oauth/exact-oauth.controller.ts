import { Body, Controller, Get, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Inject } from '@nestjs/common';
import { SANDBOX_CONFIG, SandboxConfig } from '../../sandbox.config';
import { ExactOAuth } from './exact-oauth.service';

/** The Exact OAuth endpoints of the country host: the consent page and the token endpoint. */
@Controller('api/oauth2')
export class ExactOAuthController {
  constructor(
    private readonly oauth: ExactOAuth,
    @Inject(SANDBOX_CONFIG) private readonly config: SandboxConfig,
  ) {}

  /** GET /api/oauth2/auth: consent, with a choice of division (or the configured default at once). */
  @Get('auth')
  authorize(@Query() query: Record<string, string | undefined>, @Res() response: Response): void {
    const problem = this.oauth.checkAuthorizeRequest(query);
    if (problem) {
      response.status(401).type('text/plain').send(problem);
      return;
    }
    const division = this.config.SANDBOX_EXACT_AUTO_CONSENT_DIVISION;
    if (division !== undefined) {
      response.redirect(302, this.callback(query, division));
      return;
    }
    const options = this.config.SANDBOX_EXACT_DIVISIONS.map(
      (code) => `<option value="${code}">${code}</option>`,
    ).join('');
    const hidden = ['client_id', 'redirect_uri', 'state']
      .map(
        (name) => `<input type="hidden" name="${name}" value="${escapeHtml(query[name] ?? '')}">`,
      )
      .join('');
    response.type('text/html').send(
      `<!doctype html><title>Exact Online (sandbox) — authorize</title>
       <h1>Allow access to Exact Online?</h1>
       <form method="post" action="/api/oauth2/auth">${hidden}
         <label>Division <select name="division">${options}</select></label>
         <button type="submit" name="consent" value="allow">Allow</button>
       </form>`,
    );
  }

  /** The consent form's answer: back to the app with `code` and `state`. */
  @Post('auth')
  consent(@Body() form: Record<string, string | undefined>, @Res() response: Response): void {
    const query = { ...form, response_type: 'code' };
    const problem = this.oauth.checkAuthorizeRequest(query);
    const division = Number(form.division);
    if (problem || !this.config.SANDBOX_EXACT_DIVISIONS.includes(division)) {
      response
        .status(400)
        .type('text/plain')
        .send(problem ?? 'choose a division');
      return;
    }
    response.redirect(302, this.callback(query, division));
  }

  @Post('token')
  token(@Body() form: Record<string, string | undefined>, @Res() response: Response): void {
    const answer = this.oauth.token(form ?? {});
    response.status(answer.status).set(answer.headers).json(answer.body);
  }

  private callback(query: Record<string, string | undefined>, division: number): string {
    const code = this.oauth.issueCode(query.client_id!, query.redirect_uri!, division);
    const url = new URL(query.redirect_uri!);
    url.searchParams.set('code', code);
    if (query.state !== undefined) url.searchParams.set('state', query.state);
    return url.toString();
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
