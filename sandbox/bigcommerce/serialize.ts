/** Wire shapes, following the official OpenAPI files field by field. */
import { isoSeconds, money, rfc2822 } from './format';
import {
  DEFAULT_LOCATION,
  productInventoryKey,
  variantInventoryKey,
  type Hook,
  type InventoryRecord,
  type Order,
  type OrderAddress,
  type OrderLine,
  type PostalAddress,
  type Product,
  type Shipment,
  type ShippingMethod,
  type ShippingZone,
  type StoreState,
  type Variant,
} from './model';
import { statusName } from './statuses';

export interface LinkBase {
  /** `{baseUrl}/stores/{hash}` */
  storeUrl: string;
}

function resource(link: LinkBase, path: string): { url: string; resource: string } {
  return { url: `${link.storeUrl}/v2${path}`, resource: path };
}

export function physicalLines(order: Order): OrderLine[] {
  return order.lines.filter((line) => line.type === 'physical');
}

export function orderTotals(order: Order): { subtotal: number; shipping: number; total: number; items: number; shipped: number } {
  const subtotal = order.lines.reduce((sum, line) => sum + line.price * line.quantity, 0);
  const shipping = order.addresses.reduce((sum, address) => sum + address.cost, 0);
  const items = order.lines.reduce((sum, line) => sum + line.quantity, 0);
  const shipped = order.lines.reduce((sum, line) => sum + line.quantityShipped, 0);
  return { subtotal, shipping, total: subtotal + shipping, items, shipped };
}

function billingAddress(address: PostalAddress): Record<string, unknown> {
  return { ...address, form_fields: [] };
}

export function serializeOrderLine(order: Order, line: OrderLine): Record<string, unknown> {
  const total = line.price * line.quantity;
  return {
    id: line.id,
    order_id: order.id,
    product_id: line.productId,
    variant_id: line.variantId,
    order_pickup_method_id: 0,
    order_address_id: line.orderAddressId,
    name: line.name,
    name_customer: line.name,
    name_merchant: line.name,
    sku: line.sku,
    upc: '',
    type: line.type,
    base_price: money(line.price),
    price_ex_tax: money(line.price),
    price_inc_tax: money(line.price),
    price_tax: money(0),
    base_total: money(total),
    total_ex_tax: money(total),
    total_inc_tax: money(total),
    total_tax: money(0),
    quantity: line.quantity,
    base_cost_price: money(0),
    cost_price_inc_tax: money(0),
    cost_price_ex_tax: money(0),
    cost_price_tax: money(0),
    weight: line.weight,
    width: money(0),
    height: money(0),
    depth: money(0),
    is_refunded: false,
    quantity_refunded: 0,
    refund_amount: money(0),
    return_id: 0,
    wrapping_id: 0,
    wrapping_name: null,
    base_wrapping_cost: money(0),
    wrapping_cost_ex_tax: money(0),
    wrapping_cost_inc_tax: money(0),
    wrapping_cost_tax: money(0),
    wrapping_message: '',
    quantity_shipped: line.quantityShipped,
    event_name: null,
    event_date: null,
    fixed_shipping_cost: money(0),
    ebay_item_id: '',
    ebay_transaction_id: '',
    option_set_id: line.optionValues.length > 0 ? 1 : null,
    parent_order_product_id: line.parentOrderProductId,
    is_bundled_product: line.parentOrderProductId !== null,
    bin_picking_number: line.binPickingNumber,
    external_id: null,
    brand: line.brand,
    gift_certificate_id: line.giftCertificateId,
    applied_discounts: [],
    product_options: line.optionValues.map((option, index) => ({
      id: line.id * 100 + index + 1,
      option_id: option.option_id,
      order_product_id: line.id,
      product_option_id: option.option_id,
      display_name: option.option_display_name,
      display_name_customer: option.option_display_name,
      display_name_merchant: option.option_display_name,
      display_value: option.label,
      display_value_customer: option.label,
      display_value_merchant: option.label,
      value: String(option.id),
      type: 'Multiple choice',
      name: option.option_display_name,
      display_style: 'Dropdown',
    })),
    configurable_fields: [],
    discounted_total_inc_tax: money(total),
  };
}

function addressCounts(order: Order, address: OrderAddress): { total: number; shipped: number } {
  const lines = order.lines.filter((line) => line.orderAddressId === address.id);
  return {
    total: lines.reduce((sum, line) => sum + line.quantity, 0),
    shipped: lines.reduce((sum, line) => sum + line.quantityShipped, 0),
  };
}

function postal(address: PostalAddress): PostalAddress {
  return {
    first_name: address.first_name,
    last_name: address.last_name,
    company: address.company,
    street_1: address.street_1,
    street_2: address.street_2,
    city: address.city,
    state: address.state,
    zip: address.zip,
    country: address.country,
    country_iso2: address.country_iso2,
    phone: address.phone,
    email: address.email,
  };
}

export function serializeShippingAddress(link: LinkBase, order: Order, address: OrderAddress): Record<string, unknown> {
  const counts = addressCounts(order, address);
  return {
    id: address.id,
    order_id: order.id,
    ...postal(address),
    form_fields: [],
    items_total: counts.total,
    items_shipped: counts.shipped,
    shipping_method: address.shippingMethod,
    base_cost: money(address.cost),
    cost_ex_tax: money(address.cost),
    cost_inc_tax: money(address.cost),
    cost_tax: money(0),
    cost_tax_class_id: 2,
    base_handling_cost: money(0),
    handling_cost_ex_tax: money(0),
    handling_cost_inc_tax: money(0),
    handling_cost_tax: money(0),
    handling_cost_tax_class_id: 2,
    shipping_zone_id: address.shippingZoneId,
    shipping_zone_name: address.shippingZoneName,
    shipping_quotes: resource(link, `/orders/${order.id}/shipping_addresses/${address.id}/shipping_quotes`),
  };
}

/** The `consignment_structure=object` shape of `include=consignments[.line_items]`. */
export function serializeConsignments(link: LinkBase, order: Order, withLines: boolean): Record<string, unknown> {
  const lineItems = (lines: OrderLine[]): unknown[] =>
    withLines ? lines.map((line) => serializeOrderLine(order, line)) : lines.map((line) => resource(link, `/orders/${order.id}/products/${line.id}`));
  const shipping = order.addresses.map((address) => {
    const counts = addressCounts(order, address);
    return {
      id: address.id,
      ...postal(address),
      form_fields: [],
      shipping_method: address.shippingMethod,
      line_items: lineItems(order.lines.filter((line) => line.orderAddressId === address.id)),
      items_total: counts.total,
      items_shipped: counts.shipped,
      base_cost: address.cost,
      cost_ex_tax: address.cost,
      cost_inc_tax: address.cost,
      cost_tax: 0,
      cost_tax_class_id: 2,
      base_handling_cost: 0,
      handling_cost_ex_tax: 0,
      handling_cost_inc_tax: 0,
      handling_cost_tax: 0,
      handling_cost_tax_class_id: 2,
      shipping_zone_id: address.shippingZoneId,
      shipping_zone_name: address.shippingZoneName,
      shipping_quotes: {
        url: `${link.storeUrl}/v2/orders/${order.id}/consignments/shipping/${address.id}/shipping_quotes`,
        resource: `/orders/${order.id}/consignments/shipping/${address.id}/shipping_quotes`,
      },
    };
  });
  const digital = order.lines.filter((line) => line.type === 'digital');
  const gifts = order.lines.filter((line) => line.type === 'giftcertificate');
  return {
    pickups: [],
    shipping,
    downloads: digital.length > 0 ? [{ recipient_email: digital[0]?.recipientEmail ?? order.billingAddress.email, line_items: lineItems(digital) }] : [],
    email: {
      gift_certificates: gifts.map((line) => ({ recipient_email: line.recipientEmail, line_items: lineItems([line]) })),
    },
  };
}

export interface OrderIncludes {
  consignments: boolean;
  lineItems: boolean;
  objectStructure: boolean;
}

export function serializeOrder(link: LinkBase, store: StoreState, order: Order, include: OrderIncludes): Record<string, unknown> {
  const totals = orderTotals(order);
  const consignments = include.consignments
    ? include.objectStructure
      ? serializeConsignments(link, order, include.lineItems)
      : // Without consignment_structure=object the platform answers with its legacy array form.
        [serializeConsignments(link, order, include.lineItems)]
    : resource(link, `/orders/${order.id}/consignments`);
  return {
    id: order.id,
    customer_id: order.customerId,
    date_created: rfc2822(order.dateCreated),
    date_modified: rfc2822(order.dateModified),
    date_shipped: order.dateShipped === null ? '' : rfc2822(order.dateShipped),
    status_id: order.statusId,
    status: statusName(order.statusId),
    cart_id: '',
    subtotal_ex_tax: money(totals.subtotal),
    subtotal_inc_tax: money(totals.subtotal),
    subtotal_tax: money(0),
    base_shipping_cost: money(totals.shipping),
    shipping_cost_ex_tax: money(totals.shipping),
    shipping_cost_inc_tax: money(totals.shipping),
    shipping_cost_tax: money(0),
    shipping_cost_tax_class_id: 2,
    base_handling_cost: money(0),
    handling_cost_ex_tax: money(0),
    handling_cost_inc_tax: money(0),
    handling_cost_tax: money(0),
    handling_cost_tax_class_id: 2,
    base_wrapping_cost: money(0),
    wrapping_cost_ex_tax: money(0),
    wrapping_cost_inc_tax: money(0),
    wrapping_cost_tax: money(0),
    wrapping_cost_tax_class_id: 3,
    total_ex_tax: money(totals.total),
    total_inc_tax: money(totals.total),
    total_tax: money(0),
    items_total: totals.items,
    items_shipped: totals.shipped,
    payment_method: order.paymentMethod,
    payment_provider_id: '',
    payment_status: 'captured',
    refunded_amount: money(0),
    order_is_digital: physicalLines(order).length === 0,
    store_credit_amount: money(0),
    gift_certificate_amount: money(0),
    ip_address: '',
    ip_address_v6: '',
    geoip_country: order.billingAddress.country,
    geoip_country_iso2: order.billingAddress.country_iso2,
    currency_id: 1,
    currency_code: 'GBP',
    currency_exchange_rate: '1.0000000000',
    default_currency_id: 1,
    default_currency_code: 'GBP',
    store_default_currency_code: 'GBP',
    store_default_to_transactional_exchange_rate: '1.0000000000',
    staff_notes: order.staffNotes,
    customer_message: order.customerMessage,
    discount_amount: money(0),
    coupon_discount: money(0),
    shipping_address_count: order.addresses.length,
    is_deleted: order.isDeleted,
    ebay_order_id: '0',
    is_email_opt_in: false,
    credit_card_type: null,
    order_source: order.orderSource,
    channel_id: order.channelId,
    external_source: null,
    external_id: null,
    external_merchant_id: null,
    tax_provider_id: '',
    customer_locale: 'en-GB',
    external_order_id: '',
    is_tax_inclusive_pricing: false,
    billing_address: billingAddress(order.billingAddress),
    products: resource(link, `/orders/${order.id}/products`),
    shipping_addresses: resource(link, `/orders/${order.id}/shipping_addresses`),
    coupons: resource(link, `/orders/${order.id}/coupons`),
    consignments,
  };
}

export function serializeShipment(order: Order, shipment: Shipment): Record<string, unknown> {
  const address = order.addresses.find((candidate) => candidate.id === shipment.orderAddressId);
  return {
    id: shipment.id,
    order_id: order.id,
    customer_id: order.customerId,
    order_address_id: shipment.orderAddressId,
    date_created: rfc2822(shipment.dateCreated),
    tracking_number: shipment.trackingNumber,
    merchant_shipping_cost: shipment.merchantShippingCost,
    shipping_method: shipment.shippingMethod,
    comments: shipment.comments,
    shipping_provider: shipment.shippingProvider,
    shipping_provider_display_name: shipment.shippingProvider === '' ? 'Custom' : shipment.shippingProvider,
    tracking_carrier: shipment.trackingCarrier,
    tracking_link: shipment.trackingLink,
    generated_tracking_link:
      shipment.trackingLink === '' && shipment.trackingNumber !== ''
        ? `https://track.aftership.com/${encodeURIComponent(shipment.trackingNumber)}`
        : '',
    billing_address: postal(order.billingAddress),
    shipping_address: address ? postal(address) : {},
    items: shipment.items.map((item) => ({ ...item })),
  };
}

export function serializeZone(zone: ShippingZone): Record<string, unknown> {
  return {
    id: zone.id,
    name: zone.name,
    type: 'country',
    locations: [{ id: zone.id * 10, country_iso2: zone.countryIso2 }],
    free_shipping: { enabled: false, minimum_sub_total: money(0), exclude_fixed_shipping_products: false },
    handling_fees: { fixed_surcharge: '0', display_separately: true },
    enabled: zone.enabled,
  };
}

export function serializeMethod(method: ShippingMethod): Record<string, unknown> {
  return {
    id: method.id,
    name: method.name,
    type: method.type,
    settings: method.type === 'freeshipping' ? {} : { rate: method.rate },
    enabled: method.enabled,
    handling_fees: { fixed_surcharge: 0 },
    is_fallback: false,
    channel_ids: [1],
  };
}

/** Stock level the catalog reports for a variant (tracking-mode dependent). */
export function variantStock(store: StoreState, product: Product, variant: Variant): number {
  if (product.inventoryTracking === 'variant') return store.inventory.get(variantInventoryKey(variant.id))?.onHand ?? 0;
  if (product.inventoryTracking === 'product') return store.inventory.get(productInventoryKey(product.id))?.onHand ?? 0;
  return 0;
}

export function productStock(store: StoreState, product: Product): number {
  if (product.inventoryTracking === 'product') return store.inventory.get(productInventoryKey(product.id))?.onHand ?? 0;
  if (product.inventoryTracking === 'variant') {
    return product.variants.reduce((sum, variant) => sum + (store.inventory.get(variantInventoryKey(variant.id))?.onHand ?? 0), 0);
  }
  return 0;
}

export function serializeVariant(store: StoreState, product: Product, variant: Variant): Record<string, unknown> {
  return {
    id: variant.id,
    product_id: product.id,
    sku: variant.sku,
    sku_id: variant.skuId,
    price: variant.price,
    calculated_price: variant.price,
    sale_price: 0,
    retail_price: 0,
    map_price: 0,
    cost_price: 0,
    weight: variant.weight,
    calculated_weight: variant.weight,
    width: 0,
    height: 0,
    depth: 0,
    is_free_shipping: false,
    fixed_cost_shipping_price: 0,
    purchasing_disabled: false,
    purchasing_disabled_message: '',
    image_url: '',
    upc: '',
    mpn: '',
    gtin: '',
    inventory_level: variantStock(store, product, variant),
    inventory_warning_level: 0,
    bin_picking_number: product.binPickingNumber,
    option_values: variant.optionValues.map((option) => ({ ...option })),
  };
}

export function serializeProduct(store: StoreState, product: Product, includeVariants: boolean): Record<string, unknown> {
  return {
    id: product.id,
    name: product.name,
    type: product.type,
    sku: product.sku,
    description: '',
    weight: product.weight,
    width: 0,
    depth: 0,
    height: 0,
    price: product.price,
    cost_price: product.costPrice,
    retail_price: 0,
    sale_price: 0,
    map_price: 0,
    tax_class_id: 0,
    product_tax_code: '',
    calculated_price: product.price,
    categories: [],
    brand_id: 0,
    option_set_id: 0,
    option_set_display: 'right',
    inventory_level: productStock(store, product),
    inventory_warning_level: 0,
    inventory_tracking: product.inventoryTracking,
    base_variant_id: product.baseVariantId,
    fixed_cost_shipping_price: 0,
    is_free_shipping: false,
    is_visible: true,
    is_featured: false,
    related_products: [],
    warranty: '',
    bin_picking_number: product.binPickingNumber,
    layout_file: '',
    upc: '',
    search_keywords: '',
    availability: 'available',
    availability_description: '',
    gift_wrapping_options_type: 'any',
    gift_wrapping_options_list: [],
    sort_order: 0,
    condition: 'New',
    is_condition_shown: false,
    order_quantity_minimum: 0,
    order_quantity_maximum: 0,
    page_title: '',
    meta_keywords: [],
    meta_description: '',
    view_count: 0,
    preorder_release_date: null,
    preorder_message: '',
    is_preorder_only: false,
    is_price_hidden: false,
    price_hidden_label: '',
    date_created: isoSeconds(product.dateCreated),
    date_modified: isoSeconds(product.dateModified),
    ...(includeVariants ? { variants: product.variants.map((variant) => serializeVariant(store, product, variant)) } : {}),
  };
}

export interface InventoryItemRef {
  product: Product;
  variant: Variant;
  key: string;
  record: InventoryRecord;
}

export function serializeInventoryItem(item: InventoryItemRef): Record<string, unknown> {
  const { product, variant, record } = item;
  const byProduct = product.inventoryTracking === 'product';
  return {
    identity: {
      sku: byProduct ? product.sku : variant.sku,
      ...(byProduct ? (product.baseVariantId === null ? {} : { variant_id: product.baseVariantId }) : { variant_id: variant.id }),
      product_id: product.id,
      ...(variant.skuId !== null && !byProduct ? { sku_id: variant.skuId } : {}),
    },
    locations: [
      {
        location_id: DEFAULT_LOCATION.id,
        location_code: DEFAULT_LOCATION.code,
        location_name: DEFAULT_LOCATION.name,
        available_to_sell: Math.max(0, record.onHand - record.safetyStock),
        total_inventory_onhand: record.onHand,
        location_enabled: true,
        settings: {
          safety_stock: record.safetyStock,
          is_in_stock: record.isInStock,
          warning_level: record.warningLevel,
          bin_picking_number: record.binPickingNumber,
        },
      },
    ],
  };
}

export function serializeHook(store: StoreState, hook: Hook): Record<string, unknown> {
  return {
    id: hook.id,
    client_id: hook.clientId,
    store_hash: store.hash,
    scope: hook.scope,
    destination: hook.destination,
    headers: hook.headers,
    is_active: hook.isActive,
    created_at: hook.createdAt,
    updated_at: hook.updatedAt,
  };
}
