/** Where the client gets access tokens; the auth service implements it (issue 5). */
export interface ExactTokenProvider {
  getAccessToken(connectionId: string): Promise<string>;
  /** Called once after a 401 with the token Exact refused; returns a token to retry with. */
  renewAccessToken(connectionId: string, refused: string): Promise<string>;
}

/**
 * A fixed token from configuration (EXACT_ACCESS_TOKEN). Enough to talk to the sandbox; real
 * Exact tokens live 10 minutes, so production uses the auth service's provider.
 */
export class StaticTokenProvider implements ExactTokenProvider {
  constructor(private readonly token: string) {}

  async getAccessToken(): Promise<string> {
    return this.token;
  }

  async renewAccessToken(): Promise<string> {
    return this.token;
  }
}
