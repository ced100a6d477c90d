import type { ExceptionType } from '../types';

export interface RunbookEntry {
  title: string;
  /** What went wrong, in the merchant's words. */
  meaning: string;
  /** What to do about it. */
  fix: string;
  /** Panel page where the fix is made. */
  fixPage: string;
  /** How to check the fix worked, without asking an engineer. */
  verify: string;
}

/** The Help page entry for an exception type (anchored by the type, e.g. /help#UNMAPPED_SHIPPING). */
export function helpHref(type: ExceptionType): string {
  return `/help#${type}`;
}

/** Merchant-facing explanation of each exception type, shown beside every reason in the queue. */
export const RUNBOOK: Record<ExceptionType, RunbookEntry> = {
  UNMAPPED_SHIPPING: {
    title: 'Shipping method not mapped',
    meaning:
      'The shipping method the customer chose is not linked to a Whistl courier service, so the warehouse would not know how to send the parcel. The order has not been sent.',
    fix:
      'Open Shipping mappings, find the method (it is listed as unmapped) and pick the Whistl courier service for it. Saving the mapping sends every order it was holding.',
    fixPage: '/shipping-mappings',
    verify:
      "The method shows a courier service on Shipping mappings, the exception leaves the open queue within a minute or two, and the order's timeline shows \u201cExported\u201d with a Whistl order number.",
  },
  INVALID_SKU: {
    title: 'SKU not accepted by Whistl',
    meaning:
      "A product's SKU, after your SKU rules, breaks the SKU policy (for example it contains spaces, slashes or other symbols, or is longer than 50 characters). The order has not been sent.",
    fix:
      'Either correct the SKU in BigCommerce to match the product at Whistl, or on SKU rules add an alias from this SKU to the Whistl SKU (or adjust the transform rules). Use the preview box to check, then save: held orders are sent again.',
    fixPage: '/sku-rules',
    verify:
      "The SKU preview on SKU rules shows the Whistl SKU as accepted; after the next export run the exception is resolved and the order's timeline shows it exported.",
  },
  MISSING_SKU: {
    title: 'Product has no SKU',
    meaning:
      'An order line has no SKU, so the warehouse cannot tell which product to pick. The order has not been sent.',
    fix:
      'Give the product (or the variant ordered) a SKU in BigCommerce that matches the product at Whistl, then retry the order from the exception queue.',
    fixPage: '/sku-rules',
    verify:
      "After the retry the exception is resolved and the order's timeline shows it exported; a new catalogue scan on SKU rules no longer lists the product as missing a SKU.",
  },
  INVALID_ADDRESS: {
    title: 'Delivery address incomplete or invalid',
    meaning:
      'The shipping address is missing something the courier needs (name, street, town, postcode or country), has a postcode that does not exist in that format, or has a field too long for a label. The order has not been sent.',
    fix:
      'Check the address with the customer, correct it on the order in BigCommerce (Orders > Edit), then retry the order from the exception queue.',
    fixPage: '/orders',
    verify:
      "After the retry the exception is resolved and the order's timeline shows \u201cExported\u201d; the address on the order in BigCommerce is the corrected one.",
  },
  WHISTL_REJECTED: {
    title: 'Whistl rejected the order',
    meaning:
      "Whistl refused the order and said why (for example an unknown SKU or courier service at Whistl's end). The order is not at the warehouse.",
    fix:
      "Read Whistl's message on the exception. Create the missing product or service at Whistl, or fix the mapping or SKU rule that produced the wrong value, then retry.",
    fixPage: '/exceptions',
    verify:
      "After the retry the order's timeline shows \u201cExported\u201d with a Whistl order number and no new rejection; the exception is resolved.",
  },
  EXPORT_FAILED: {
    title: 'Could not reach Whistl',
    meaning:
      'Sending the order failed several times in a row (Whistl unavailable, timing out or rejecting the credentials). The app checked that the order was not created, so it is not at the warehouse.',
    fix:
      'Check the Whistl connection on Settings (use "Test connection"), then retry the order. If Whistl is down, retry once it is back.',
    fixPage: '/settings',
    verify:
      "\u201cTest connection\u201d on Settings succeeds, and after the retry the order's timeline shows \u201cExported\u201d; the dashboard shows a recent good orders run.",
  },
  CANCEL_FAILED: {
    title: 'Cancelled order could not be stopped at Whistl',
    meaning:
      'The order was cancelled in BigCommerce, but at Whistl it is already being picked, packed or has left, so the app could not cancel it there.',
    fix:
      'Contact Whistl straight away to stop the parcel or arrange a return, then mark this exception as ignored with a note of what was agreed.',
    fixPage: '/exceptions',
    verify:
      "Whistl confirms in writing that the parcel was stopped or a return is booked; the exception is marked ignored with that note, so finance can see what was agreed.",
  },
  WHISTL_STUCK: {
    title: 'Order stuck at Whistl',
    meaning:
      'Whistl has held the order in a state that needs a person (on hold, query raised, failed, back-ordered or flagged as a fraud risk) for longer than your stuck-order limit. It will not ship until someone acts.',
    fix: 'Open the order to see the Whistl status, then resolve it with the warehouse (answer the query, release the hold, restock). The exception closes once the order moves on.',
    fixPage: '/orders',
    verify:
      "The order's Whistl status on its timeline moves on (to picked or despatched) and the exception closes by itself at the next fulfilment check.",
  },
  STATUS_DRIFT: {
    title: 'BigCommerce and Whistl disagree',
    meaning:
      'The two systems tell different stories about this order: cancelled in one but despatched in the other, shipped in BigCommerce but not despatched by Whistl, or different quantities.',
    fix: 'Check the order timeline, decide which system is right, then correct the other (refund or recall the parcel, or fix the BigCommerce status). Ignore the exception with a note once settled.',
    fixPage: '/orders',
    verify:
      "The order's status in BigCommerce and its Whistl status agree on the timeline (both cancelled, or both shipped/despatched), and the exception is resolved or ignored with a note.",
  },
  WRITEBACK_FAILED: {
    title: 'Shipment not written back',
    meaning:
      'Whistl despatched the parcel, but the shipment with its tracking number could not be created in BigCommerce after several tries, so the customer has not been emailed.',
    fix: 'Check the error on the order timeline (often the order was edited or already shipped by hand), fix it, then retry. Nothing is shipped twice: existing shipments are checked first.',
    fixPage: '/orders',
    verify:
      "The order in BigCommerce shows a shipment with the Whistl tracking number, the customer got the shipping email, and the exception is resolved.",
  },
  STOCK_PUSH_FAILED: {
    title: 'Stock level not updated',
    meaning: 'BigCommerce refused the stock level for this SKU (usually its inventory tracking does not match the identifier used), so the storefront shows an old figure.',
    fix: 'Open Inventory, check the SKU and its tracking mode in BigCommerce, then let the next sync run.',
    fixPage: '/inventory',
    verify:
      "After the next inventory run the SKU on the Inventory page shows the pushed figure with no error, and the storefront shows the same stock.",
  },
};
