import { DynamicModule, Global, Module } from '@nestjs/common';
import { Clock } from './clock';
import { CustomerAuthGuard, OptionalCustomerAuthGuard } from './customer-auth.guard';

/** Cross-feature providers: the clock and the customer guards. */
@Global()
@Module({})
export class CommonModule {
  static forRoot(clock: Clock): DynamicModule {
    return {
      module: CommonModule,
      providers: [{ provide: Clock, useValue: clock }, CustomerAuthGuard, OptionalCustomerAuthGuard],
      exports: [Clock, CustomerAuthGuard, OptionalCustomerAuthGuard],
    };
  }
}
