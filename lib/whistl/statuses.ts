/** Whistl order status ids. Names can be renamed per warehouse: always key on the id. */
export const ORDER_STATUS = {
  NEW: 1,
  PRINTED: 2,
  CANCELLED: 3,
  DESPATCHED: 4,
  INVOICED: 5,
  INVOICEFAILED: 6,
  HOLDING: 7,
  FAILED: 8,
  ONBACKORDER: 9,
  AWAITINGCONFIRMATION: 10,
  AWAITINGDOCUMENTATION: 11,
  AWAITINGPAYMENT: 12,
  QUERYRAISED: 13,
  PACKANDHOLD: 14,
  AWAITINGPICKING: 15,
  PICKINGSTARTED: 16,
  PICKED: 17,
  FRAUDRISK: 18,
  PICKINGSKIPPED: 19,
  PACKED: 20,
  AWAITINGREPLEN: 21,
  PROCESSING: 22,
  REBINNED: 23,
} as const;

export type OrderStatusName = keyof typeof ORDER_STATUS;

/** Despatched means 4, 5 or 6 (INVOICED and INVOICEFAILED are despatched too). */
export const DESPATCHED_STATUS_IDS: readonly number[] = [ORDER_STATUS.DESPATCHED, ORDER_STATUS.INVOICED, ORDER_STATUS.INVOICEFAILED];

/** States an operator must see. */
export const STUCK_STATUS_IDS: readonly number[] = [
  ORDER_STATUS.HOLDING,
  ORDER_STATUS.QUERYRAISED,
  ORDER_STATUS.FAILED,
  ORDER_STATUS.FRAUDRISK,
  ORDER_STATUS.ONBACKORDER,
];

export function isDespatched(statusId: number): boolean {
  return DESPATCHED_STATUS_IDS.includes(statusId);
}

export function isStuck(statusId: number): boolean {
  return STUCK_STATUS_IDS.includes(statusId);
}

export function statusName(statusId: number): string | undefined {
  return (Object.keys(ORDER_STATUS) as OrderStatusName[]).find((name) => ORDER_STATUS[name] === statusId);
}
