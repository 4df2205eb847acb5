/** −30 → "到期前 30 天", 3 → "到期后 3 天", 0 → "到期当天". */
export function offsetLabel(offsetDays: number): string {
  if (offsetDays === 0) return '到期当天';
  return offsetDays < 0 ? `到期前 ${-offsetDays} 天` : `到期后 ${offsetDays} 天`;
}
