/**
 * Belgian structured communication (OGM/VCS): `+++ddd/dddd/dddcc+++`, where the last two digits are
 * the first ten modulo 97 (97 when that is 0).
 */
export function belgianStructuredCommunication(base: string | number): string {
  const digits = String(base).replace(/\D/g, '');
  if (digits.length === 0 || digits.length > 10)
    throw new Error(`a structured communication is made of 1 to 10 digits, not '${base}'`);
  const padded = digits.padStart(10, '0');
  const all = `${padded}${String(checkDigits(padded)).padStart(2, '0')}`;
  return `+++${all.slice(0, 3)}/${all.slice(3, 7)}/${all.slice(7)}+++`;
}

/** Whether a text is a well-formed structured communication with the right check digits ('+++' or '***' around, or bare digits). */
export function isValidBelgianStructuredCommunication(text: string): boolean {
  const match =
    /^\s*(?:\+{3}|\*{3})?\s*(\d{3})\s*\/?\s*(\d{4})\s*\/?\s*(\d{5})\s*(?:\+{3}|\*{3})?\s*$/.exec(
      text,
    );
  if (!match) return false;
  const digits = match.slice(1).join('');
  return checkDigits(digits.slice(0, 10)) === Number(digits.slice(10));
}

function checkDigits(tenDigits: string): number {
  return Number(BigInt(tenDigits) % 97n) || 97;
}
