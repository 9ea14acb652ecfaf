import { resolve } from 'node:path';
import { z } from 'zod';

export interface GatewayConfig {
  host: string;
  port: number;
  production: boolean;
  supergraphPath: string;
  /** Where each subgraph named in the supergraph actually runs, overriding the composed URLs. */
  subgraphUrls: Record<string, string>;
}

const httpUrl = z.url({ protocol: /^https?$/ });

/** Reads the gateway's configuration once at start; fails naming the bad variable. */
export function readGatewayConfig(env: Record<string, string | undefined>): GatewayConfig {
  const parsed = z
    .object({
      NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
      HOST: z.string().min(1).default('127.0.0.1'),
      GATEWAY_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
      SUPERGRAPH_PATH: z.string().min(1).default(resolve(__dirname, '../../schema/supergraph.graphql')),
      WORKFORCE_URL: httpUrl.optional(),
      BPJS_URL: httpUrl.optional(),
      WORKFORCE_PORT: z.coerce.number().int().min(1).max(65535).default(4001),
      BPJS_PORT: z.coerce.number().int().min(1).max(65535).default(4002),
    })
    .safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid gateway configuration: ${problems}`);
  }
  const values = parsed.data;
  return {
    host: values.HOST,
    port: values.GATEWAY_PORT,
    production: values.NODE_ENV === 'production',
    supergraphPath: values.SUPERGRAPH_PATH,
    subgraphUrls: {
      workforce: values.WORKFORCE_URL ?? `http://127.0.0.1:${values.WORKFORCE_PORT}/graphql`,
      bpjs: values.BPJS_URL ?? `http://127.0.0.1:${values.BPJS_PORT}/graphql`,
    },
  };
}
