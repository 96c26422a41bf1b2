import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  Actor,
  ListDeliveriesQuery,
  NotificationSubjects,
  type DeliveryView,
  type Page,
} from '@fengqiao/contracts';
import { DeliveryQueries } from './delivery-queries';

@Controller()
export class DeliveriesHandlers {
  constructor(private readonly deliveries: DeliveryQueries) {}

  @MessagePattern(NotificationSubjects.deliveryList)
  list(
    @Payload('actor') actor: Actor,
    @Payload('body') query: ListDeliveriesQuery,
  ): Promise<Page<DeliveryView>> {
    return this.deliveries.list(actor, query);
  }
}
