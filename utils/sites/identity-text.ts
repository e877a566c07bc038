// Shared by the identity readers (identity*.ts).

/** Page text as Spalla keeps it: whitespace collapsed, control characters out, at most
 * 200 characters (longer is not a name: null). */
export function identityText(value: string | null | undefined): string | null {
  const clean = (value ?? '').replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim();
  return clean && clean.length <= 200 ? clean : null;
}

/** A numeric id as Meta writes them (Page ids, asset ids): 5 to 20 digits. */
export function numericId(value: string | null | undefined): string | null {
  return value && /^\d{5,20}$/.test(value) ? value : null;
}
