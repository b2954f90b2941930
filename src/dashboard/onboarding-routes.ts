import type { FastifyInstance } from 'fastify';
import type { DashboardDeps } from './server.js';

export function registerOnboardingRoutes(app: FastifyInstance, deps: DashboardDeps): void {
  void app;
  void deps;
}
