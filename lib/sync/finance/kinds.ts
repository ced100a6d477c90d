/** Mismatch kinds of the finance reconciliation (plain data: safe for the browser too). */
export const MISMATCH_KINDS = ['IN_BC_NOT_IN_WHISTL', 'DESPATCHED_NOT_SHIPPED', 'CANCELLED_ONE_SIDE', 'QUANTITY_DIFFERENCE'] as const;
export type MismatchKind = (typeof MISMATCH_KINDS)[number];

export const MISMATCH_LABELS: Record<MismatchKind, string> = {
  IN_BC_NOT_IN_WHISTL: 'In BigCommerce, not in Whistl',
  DESPATCHED_NOT_SHIPPED: 'Despatched by Whistl, not shipped in BigCommerce',
  CANCELLED_ONE_SIDE: 'Cancelled on one side only',
  QUANTITY_DIFFERENCE: 'Quantities differ',
};
