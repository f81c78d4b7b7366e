/**
 * One question at a time, asked in the shell's dialog: `await confirmation.ask(text)` is true when
 * the person confirmed, false when they cancelled or pressed Escape.
 */
class Confirmation {
  message = $state<string | null>(null);
  private resolve: ((ok: boolean) => void) | null = null;

  ask(message: string): Promise<boolean> {
    this.resolve?.(false);
    this.message = message;
    return new Promise((resolve) => (this.resolve = resolve));
  }

  answer(ok: boolean): void {
    this.resolve?.(ok);
    this.resolve = null;
    this.message = null;
  }
}

export const confirmation = new Confirmation();
