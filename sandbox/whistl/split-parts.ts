import type { SplitInput } from './control-schemas';
import { SandboxInputError } from './errors';
import type { SandboxOrder, SandboxOrderLine } from './model';

/** How the lines of an order are shared out between the parts of a split despatch. */

/** N parts: units dealt out round-robin, so every part gets at least one. */
export function spreadUnits(order: SandboxOrder, count: number): SandboxOrderLine[][] {
  const units = order.lines.flatMap((line) => Array.from({ length: line.quantity }, () => line));
  if (units.length < count) {
    throw new SandboxInputError(`Order ${order.id} has ${units.length} units: it cannot be split into ${count} parts`);
  }
  const parts: Map<number, SandboxOrderLine>[] = Array.from({ length: count }, () => new Map());
  units.forEach((line, i) => {
    const part = parts[i % count];
    if (!part) return;
    const existing = part.get(line.id);
    if (existing) existing.quantity += 1;
    else part.set(line.id, { ...line, quantity: 1 });
  });
  return parts.map((p) => [...p.values()]);
}

/** Parts given line by line: they must add up exactly to the order. */
export function explicitParts(order: SandboxOrder, parts: Exclude<SplitInput['parts'], number>): SandboxOrderLine[][] {
  const remaining = new Map<string, number>();
  for (const line of order.lines) remaining.set(line.sku, (remaining.get(line.sku) ?? 0) + line.quantity);
  const result = parts.map((part) =>
    part.items.map((item) => {
      const line = order.lines.find((l) => l.sku === item.sku);
      if (!line) throw new SandboxInputError(`Order ${order.id} has no line with SKU '${item.sku}'`);
      remaining.set(item.sku, (remaining.get(item.sku) ?? 0) - item.quantity);
      return { ...line, quantity: item.quantity };
    }),
  );
  for (const [sku, left] of remaining) {
    if (left !== 0) throw new SandboxInputError(`Parts must add up to the order: SKU '${sku}' is off by ${left}`);
  }
  return result;
}
