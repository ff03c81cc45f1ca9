/**
 * A data class detector. `byValue` looks at a string value alone; `byName` marks a field whose name
 * says what it holds (checked together with `nameNeedsValue`: some names only count with a plausible value).
 */
export interface DataClassifier {
  id: DataClass;
  description: string;
  byValue?: (value: string) => boolean;
  byName?: RegExp;
  /** With `byName`: the value must also pass this looser check. */
  nameNeedsValue?: (value: string) => boolean;
}

export type DataClass =
  | 'email'
  | 'phone'
  | 'credit-card'
  | 'iban'
  | 'us-ssn'
  | 'jwt'
  | 'api-key'
  | 'password'
  | 'private-key'
  | 'ip-address';

export function defineClassifier(classifier: DataClassifier): DataClassifier {
  return classifier;
}

/** Shannon entropy in bits per character. */
export function entropy(value: string): number {
  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}
