/**
 * Wire-format responses for the fake server, shaped like BigCommerce's (snake_case, RFC-2822
 * dates, money as strings). contract.test.ts proves they validate against the OpenAPI files.
 */

export const STORE_HASH = 'abc123';

export function orderLineWire(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 11,
    order_id: 100,
    product_id: 77,
    variant_id: 701,
    order_address_id: 21,
    name: 'Blue Mug',
    sku: 'MUG-BLU',
    type: 'physical',
    base_price: '10.0000',
    price_ex_tax: '10.0000',
    price_inc_tax: '12.0000',
    price_tax: '2.0000',
    base_total: '20.0000',
    total_ex_tax: '20.0000',
    total_inc_tax: '24.0000',
    total_tax: '4.0000',
    quantity: 2,
    quantity_shipped: 0,
    parent_order_product_id: null,
    is_bundled_product: false,
    product_options: [{ id: 1, option_id: 5, order_product_id: 11, product_option_id: 9, display_name: 'Colour', display_value: 'Blue', value: '12', type: 'Swatch', name: 'colour', display_style: 'Swatch' }],
    ...overrides,
  };
}

const address = {
  first_name: 'Jane',
  last_name: 'Doe',
  company: '',
  street_1: '1 High Street',
  street_2: '',
  city: 'Leeds',
  state: 'West Yorkshire',
  zip: 'LS1 1AA',
  country: 'United Kingdom',
  country_iso2: 'GB',
  phone: '0113 000 0000',
  email: 'jane@example.com',
};

export function shippingAddressWire(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 21,
    order_id: 100,
    ...address,
    items_total: 2,
    items_shipped: 0,
    shipping_method: 'Royal Mail 48',
    shipping_zone_id: 1,
    shipping_zone_name: 'United Kingdom',
    shipping_quotes: { url: 'https://api.bigcommerce.com/stores/abc123/v2/orders/100/shipping_addresses/21/shipping_quotes', resource: '/orders/100/shipping_addresses/21/shipping_quotes' },
    ...overrides,
  };
}

export function orderWire(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const id = typeof overrides.id === 'number' ? overrides.id : 100;
  return {
    id,
    customer_id: 5,
    date_created: 'Tue, 05 Mar 2019 21:40:11 +0000',
    date_modified: 'Mon, 11 Mar 2019 15:17:25 -0500',
    date_shipped: '',
    status_id: 11,
    status: 'Awaiting Fulfillment',
    custom_status: 'Awaiting Fulfillment',
    subtotal_ex_tax: '40.0000',
    subtotal_inc_tax: '48.0000',
    subtotal_tax: '8.0000',
    total_ex_tax: '45.0000',
    total_inc_tax: '54.0000',
    total_tax: '9.0000',
    items_total: 3,
    items_shipped: 0,
    payment_method: 'Card',
    payment_status: 'captured',
    currency_code: 'GBP',
    customer_message: 'Leave with neighbour',
    staff_notes: '',
    channel_id: 1,
    is_deleted: false,
    order_is_digital: false,
    billing_address: { ...address, form_fields: [] },
    products: { url: `https://api.bigcommerce.com/stores/abc123/v2/orders/${id}/products`, resource: `/orders/${id}/products` },
    shipping_addresses: { url: `https://api.bigcommerce.com/stores/abc123/v2/orders/${id}/shipping_addresses`, resource: `/orders/${id}/shipping_addresses` },
    consignments: {
      shipping: [
        {
          id: 21,
          ...address,
          form_fields: [],
          shipping_method: 'Royal Mail 48',
          items_total: 2,
          items_shipped: 0,
          shipping_zone_id: 1,
          shipping_zone_name: 'United Kingdom',
          line_items: [orderLineWire({ order_id: id })],
        },
      ],
      downloads: [{ recipient_email: 'jane@example.com', line_items: [orderLineWire({ id: 12, order_id: id, order_address_id: 0, type: 'digital', sku: 'EBOOK', quantity: 1, variant_id: 0 })] }],
    },
    ...overrides,
  };
}

export function shipmentWire(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 1,
    order_id: 100,
    customer_id: 5,
    order_address_id: 21,
    date_created: 'Wed, 26 Nov 2025 10:00:00 +0000',
    tracking_number: 'RM123456789GB',
    merchant_shipping_cost: '0.0000',
    shipping_method: 'Royal Mail 48',
    shipping_provider: '',
    tracking_carrier: 'royal-mail',
    tracking_link: '',
    generated_tracking_link: 'https://track.example/RM123456789GB',
    comments: '',
    billing_address: address,
    shipping_address: address,
    items: [{ order_product_id: 11, product_id: 77, quantity: 2 }],
    shipping_provider_display_name: '',
    ...overrides,
  };
}

export const orderStatusesWire = [
  { id: 2, name: 'Shipped', system_label: 'Shipped', custom_label: 'Dispatched', system_description: 'Order has been shipped.' },
  { id: 11, name: 'Awaiting Fulfillment', system_label: 'Awaiting Fulfillment', custom_label: 'Awaiting Fulfillment', system_description: 'Paid.' },
];

export const shippingZonesWire = [
  { id: 1, name: 'United Kingdom', type: 'country', locations: [{ id: 1, country_iso2: 'GB' }], free_shipping: { enabled: false, minimum_sub_total: '0.0000', exclude_fixed_shipping_products: false }, handling_fees: { fixed_surcharge: '0.0000', display_separately: false }, enabled: true },
];

export const shippingMethodsWire = [
  { id: 3, name: 'Royal Mail 48', type: 'perorder', settings: { rate: 3.5 }, enabled: true, handling_fees: { fixed_surcharge: 0 }, is_fallback: false },
];

export function pagination(currentPage: number, totalPages: number, count: number, perPage = 250): Record<string, unknown> {
  return {
    pagination: {
      total: totalPages * perPage,
      count,
      per_page: perPage,
      current_page: currentPage,
      total_pages: totalPages,
      links: { current: `?page=${currentPage}&limit=${perPage}`, ...(currentPage < totalPages ? { next: `?page=${currentPage + 1}&limit=${perPage}` } : {}) },
    },
  };
}

export function inventoryItemWire(sku: string): Record<string, unknown> {
  return {
    identity: { sku, variant_id: 701, product_id: 77, sku_id: 301 },
    locations: [
      {
        location_id: 1,
        location_code: 'BC-LOCATION-1',
        location_name: 'Default location',
        available_to_sell: 8,
        total_inventory_onhand: 10,
        location_enabled: true,
        settings: { safety_stock: 2, is_in_stock: true, warning_level: 1, bin_picking_number: '' },
      },
    ],
  };
}

export function variantWire(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { id: 701, product_id: 77, sku: 'MUG-BLU', sku_id: 301, price: 10, inventory_level: 10, inventory_warning_level: 1, purchasing_disabled: false, option_values: [], calculated_price: 10, ...overrides };
}

export function productWire(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { id: 77, name: 'Mug', type: 'physical', sku: 'MUG', weight: 0.4, price: 10, inventory_level: 10, inventory_tracking: 'variant', is_visible: true, variants: [variantWire()], ...overrides };
}

export function webhookWire(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 9,
    client_id: 'client-1',
    store_hash: STORE_HASH,
    scope: 'store/order/created',
    destination: 'https://app.example/api/webhooks/bigcommerce',
    headers: { 'x-whistl-secret': 's3cret' },
    is_active: true,
    created_at: 1764150000,
    updated_at: 1764150000,
    ...overrides,
  };
}
