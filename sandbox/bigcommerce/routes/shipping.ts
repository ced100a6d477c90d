/** V2 store shipping zones and their methods. */
import { json, v2Error } from '../http';
import { serializeMethod, serializeZone } from '../serialize';
import { numericId, v2List, v2Page, type RestRouter } from './context';

export function registerShippingRoutes(router: RestRouter): void {
  router
    .add('GET', '/v2/shipping/zones', (ctx) => v2List(ctx.store.zones, v2Page(ctx.query, 250), serializeZone))
    .add('GET', '/v2/shipping/zones/{id}', (ctx, params) => {
      const id = numericId(params.id, () => v2Error(404, 'The requested resource was not found.'));
      const zone = ctx.store.zones.find((candidate) => candidate.id === id);
      if (!zone) throw v2Error(404, 'The requested resource was not found.');
      return json(200, serializeZone(zone));
    })
    .add('GET', '/v2/shipping/zones/{id}/methods', (ctx, params) => {
      const id = numericId(params.id, () => v2Error(404, 'The requested resource was not found.'));
      const zone = ctx.store.zones.find((candidate) => candidate.id === id);
      if (!zone) throw v2Error(404, 'The requested resource was not found.');
      return v2List(zone.methods, v2Page(ctx.query, 250), serializeMethod);
    });
}
