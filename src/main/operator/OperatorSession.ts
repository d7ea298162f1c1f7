import type { Database } from 'better-sqlite3';
import type { OperatorView } from '../../shared/actions';
import { AppError } from '../../shared/errors';
import { hashPin, verifyPin } from './PinHash';

/**
 * Who is at the desk. A name signs in (the audit names them); a name that chose a PIN on its
 * first sign-in needs it from then on. PINs are kept as salted scrypt hashes only.
 */
export class OperatorSession {
  private signedIn: OperatorView | null = null;
  private readonly select;
  private readonly insert;

  constructor(
    db: Database,
    private readonly now: () => number,
  ) {
    this.select = db.prepare<[string], { name: string; pin_hash: string | null }>('SELECT name, pin_hash FROM operators WHERE name_key = ?');
    this.insert = db.prepare<[string, string, string | null, number]>(
      'INSERT INTO operators (name_key, name, pin_hash, created_at) VALUES (?, ?, ?, ?)',
    );
  }

  current(): OperatorView | null {
    return this.signedIn;
  }

  /** The operator's name, for the audit; refuses when nobody is signed in. */
  requireName(): string {
    if (this.signedIn === null) throw new AppError('NOT_SIGNED_IN', 'Sign in at the desk before changing anything');
    return this.signedIn.name;
  }

  async signIn(name: string, pin: string | undefined): Promise<OperatorView> {
    const key = name.normalize('NFC').trim().toLocaleLowerCase();
    const known = this.select.get(key);
    if (known === undefined) {
      this.insert.run(key, name.trim(), pin === undefined ? null : await hashPin(pin), this.now());
    } else if (known.pin_hash !== null) {
      if (pin === undefined) throw new AppError('OPERATOR_PIN_REQUIRED', 'This name has a PIN');
      if (!(await verifyPin(pin, known.pin_hash))) throw new AppError('OPERATOR_PIN_WRONG', 'Wrong PIN for this name');
    }
    this.signedIn = { name: known?.name ?? name.trim(), since: this.now() };
    return this.signedIn;
  }

  signOut(): void {
    this.signedIn = null;
  }
}

