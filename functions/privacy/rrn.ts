/** Shows a resident registration number the way Korean services do: birth date and sex digit only. */
export function maskRrn(rrn: string): string {
  const digits = rrn.replace(/\D/g, '');
  return `${digits.slice(0, 6)}-${digits.slice(6, 7)}******`;
}
