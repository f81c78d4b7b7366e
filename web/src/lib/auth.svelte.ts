import { api, ApiError, networkProblem, setAccessToken, type AccessToken, type FoodBank, type User } from '../api/client';

/**
 * Who is signed in. The session is restored from the refresh cookie on start, and a 401 from any
 * call refreshes once (one refresh shared by concurrent calls) before giving up.
 */
class Auth {
  user = $state<User | null>(null);
  foodBank = $state<FoodBank | null>(null);
  ready = $state(false);
  private refreshing: Promise<boolean> | null = null;

  async restore(): Promise<void> {
    if (await this.refresh()) await this.loadMe();
    this.ready = true;
  }

  async login(email: string, password: string): Promise<void> {
    const { data, error } = await api.POST('/api/auth/login', { body: { email, password } }).catch(() => ({ data: undefined, error: networkProblem() }));
    if (error || !data) throw new ApiError(error ?? networkProblem());
    await this.accept(data);
  }

  async logout(): Promise<void> {
    await api.POST('/api/auth/logout').catch(() => undefined);
    this.clear();
  }

  async changePassword(currentPassword: string, newPassword: string): Promise<void> {
    const { data, error } = await this.call(() => api.POST('/api/me/password', { body: { currentPassword, newPassword } }));
    if (error || !data) throw new ApiError(error ?? networkProblem());
    await this.accept(data);
  }

  /** Runs an API call; on 401 refreshes the access token once and tries again. */
  async call<T extends { error?: unknown; response: Response }>(request: () => Promise<T>): Promise<T> {
    const first = await request();
    if (first.response.status === 403 && (first.error as { code?: string } | undefined)?.code === 'password_change_required') {
      // An admin reset the password meanwhile: the change-password page takes over.
      if (this.user) this.user = { ...this.user, mustChangePassword: true };
      return first;
    }
    if (first.response.status !== 401) return first;
    if (!(await this.refresh())) {
      this.clear();
      return first;
    }
    return request();
  }

  private refresh(): Promise<boolean> {
    this.refreshing ??= api
      .POST('/api/auth/refresh')
      .then(({ data }) => {
        setAccessToken(data?.accessToken ?? null);
        if (data) this.user = data.user;
        return Boolean(data);
      })
      .catch(() => false)
      .finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  private async accept(token: AccessToken): Promise<void> {
    setAccessToken(token.accessToken);
    this.user = token.user;
    await this.loadMe();
  }

  private async loadMe(): Promise<void> {
    const { data } = await api.GET('/api/me');
    if (data) {
      this.user = data.user;
      this.foodBank = data.foodBank;
    }
  }

  private clear(): void {
    setAccessToken(null);
    this.user = null;
    this.foodBank = null;
  }
}

export const auth = new Auth();
