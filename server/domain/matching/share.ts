/** A claim on a supply: at most `cap` units, shared in proportion to `weight` (integers). */
export interface ShareClaim {
  cap: number;
  weight: number;
}

/**
 * Splits `supply` integer units in proportion to weight without giving any claim more than its cap
 * (water-filling): claims whose proportional share would exceed their cap get their cap, and what
 * they leave is shared again among the rest. The last fractions go by the largest-remainder method;
 * equal remainders go to the claim listed first, so callers list claims in their tiebreak order.
 * The result adds up to min(supply, Σ caps) exactly. When every open claim weighs 0, they share
 * equally: stock someone wants is never left over for want of weight.
 */
export function shareOut(supply: number, claims: readonly ShareClaim[]): number[] {
  const shares = claims.map(() => 0);
  const totalCap = claims.reduce((sum, claim) => sum + claim.cap, 0);
  if (totalCap <= supply) return claims.map((claim) => claim.cap);

  let open = claims.map((_, index) => index).filter((index) => claims[index]!.cap > 0);
  let left = supply;
  let weightOf = (index: number) => claims[index]!.weight;
  for (;;) {
    if (open.reduce((sum, index) => sum + weightOf(index), 0) === 0) weightOf = () => 1;
    const totalWeight = open.reduce((sum, index) => sum + weightOf(index), 0);
    // cap ≤ left × weight ÷ totalWeight, in integers to stay exact.
    const capped = open.filter((index) => claims[index]!.cap * totalWeight <= left * weightOf(index));
    if (capped.length === 0) break;
    for (const index of capped) {
      shares[index] = claims[index]!.cap;
      left -= claims[index]!.cap;
    }
    open = open.filter((index) => !capped.includes(index));
  }

  // Σ caps > supply, so some claim is still open; each open share is below its cap, so +1 fits.
  const totalWeight = open.reduce((sum, index) => sum + weightOf(index), 0);
  const remainders = new Map<number, number>();
  for (const index of open) {
    const exact = left * weightOf(index);
    shares[index] = Math.floor(exact / totalWeight);
    remainders.set(index, exact % totalWeight);
  }
  let leftover = left - open.reduce((sum, index) => sum + shares[index]!, 0);
  const byRemainder = [...open].sort((a, b) => remainders.get(b)! - remainders.get(a)! || a - b);
  for (const index of byRemainder) {
    if (leftover === 0) break;
    shares[index]! += 1;
    leftover--;
  }
  return shares;
}
