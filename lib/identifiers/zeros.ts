/** A number made only of zeros passes Luhn (the sum is 0) but is nobody's identifier. */
export function isAllZeros(digits: string): boolean {
  return /^0+$/.test(digits);
}
