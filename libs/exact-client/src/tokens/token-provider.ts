/** Where the client gets access tokens; services use AuthTokenClient (the auth service). */
export interface ExactTokenProvider {
  getAccessToken(connectionId: string): Promise<string>;
  /** Called once after a 401 with the token Exact refused; returns a token to retry with. */
  renewAccessToken(connectionId: string, refused: string): Promise<string>;
}

/**
 * One fixed token, for scripts and tests against the sandbox (which accepts never-expiring
 * tokens). Real Exact tokens live 10 minutes, so services use AuthTokenClient.
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
