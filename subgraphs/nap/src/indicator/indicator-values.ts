/**
 * Why `value` cannot be a value of an indicator measured in `unit`, or null
 * when it can: a percentage lies in [0, 100], a count ("number") is not
 * negative, any other unit takes a finite number.
 */
export function unitValueProblem(unit: string, value: number): string | null {
  if (!Number.isFinite(value)) return `${value} is not a finite number.`;
  const normalised = unit.trim().toLowerCase();
  if (normalised === '%' && (value < 0 || value > 100)) return `${value} is not a percentage (unit "%" takes values from 0 to 100).`;
  if (normalised === 'number' && value < 0) return `${value} is negative (unit "number" takes values of 0 or more).`;
  return null;
}
