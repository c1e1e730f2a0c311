/**
 * Typed configuration from environment variables, read once at boot.
 *
 * Each service declares the variables it reads with `defineEnv`; the spec is
 * also the documentation (`describe`) and the list other tools check against
 * (docker-compose.yml, .env.example). Nothing else in a service reads
 * `process.env`.
 */

import { isCountryCode } from './country-code.js';

export type EnvKind = 'string' | 'int' | 'bool' | 'url' | 'countryCode' | 'list' | 'duration';

export interface EnvVarSpec<K extends EnvKind = EnvKind> {
  kind: K;
  /** What the variable is for; shown in errors and in .env.example. */
  describe: string;
  /** Used when the variable is unset or empty. */
  default?: string;
  required?: boolean;
  min?: number;
  max?: number;
  /** Allowed values for kind `string`. */
  oneOf?: readonly string[];
}

type ValueOfKind<K> = K extends 'int' | 'duration'
  ? number
  : K extends 'bool'
    ? boolean
    : K extends 'list'
      ? string[]
      : string;

type HasValue<S> = S extends { required: true } ? true : S extends { default: string } ? true : false;

export type EnvValues<S extends Record<string, EnvVarSpec>> = {
  [P in keyof S]: HasValue<S[P]> extends true ? ValueOfKind<S[P]['kind']> : ValueOfKind<S[P]['kind']> | undefined;
};

/** A configuration error names the variable and how to fix it. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
    fix: string,
  ) {
    super(`${variable}: ${problem}. ${fix}`);
    this.name = 'ConfigError';
  }
}

function parseValue(name: string, spec: EnvVarSpec, raw: string): unknown {
  switch (spec.kind) {
    case 'string':
      if (spec.oneOf && !spec.oneOf.includes(raw)) {
        throw new ConfigError(name, `"${raw}" is not allowed`, `Use one of: ${spec.oneOf.join(', ')}.`);
      }
      return raw;
    case 'int':
    case 'duration': {
      if (!/^-?\d+$/.test(raw)) throw new ConfigError(name, `"${raw}" is not an integer`, `Set it to a whole number (${spec.describe}).`);
      const value = Number(raw);
      if (spec.min !== undefined && value < spec.min) throw new ConfigError(name, `${value} is below ${spec.min}`, `Set it to at least ${spec.min}.`);
      if (spec.max !== undefined && value > spec.max) throw new ConfigError(name, `${value} is above ${spec.max}`, `Set it to at most ${spec.max}.`);
      return value;
    }
    case 'bool':
      if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
      if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
      throw new ConfigError(name, `"${raw}" is not a boolean`, 'Use true or false.');
    case 'url':
      try {
        new URL(raw);
      } catch {
        throw new ConfigError(name, 'is not a valid URL', `Set it to an absolute URL (${spec.describe}).`);
      }
      return raw;
    case 'countryCode': {
      const code = raw.trim().toUpperCase();
      if (!isCountryCode(code)) throw new ConfigError(name, `"${raw}" is not an ISO 3166-1 alpha-2 code`, 'Use two letters, for example KE.');
      return code;
    }
    case 'list':
      return raw
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item.length > 0);
  }
}

/** A declared set of environment variables with a typed reader. */
export interface EnvDefinition<S extends Record<string, EnvVarSpec>> {
  readonly spec: S;
  readonly names: readonly string[];
  read(env: NodeJS.ProcessEnv): EnvValues<S>;
}

export function defineEnv<const S extends Record<string, EnvVarSpec>>(spec: S): EnvDefinition<S> {
  return {
    spec,
    names: Object.keys(spec),
    read(env) {
      const values: Record<string, unknown> = {};
      for (const [name, varSpec] of Object.entries(spec)) {
        const raw = env[name];
        const effective = raw === undefined || raw === '' ? varSpec.default : raw;
        if (effective === undefined) {
          if (varSpec.required) throw new ConfigError(name, 'is not set', `Set it: ${varSpec.describe}.`);
          values[name] = undefined;
          continue;
        }
        values[name] = parseValue(name, varSpec, effective);
      }
      return values as EnvValues<S>;
    },
  };
}

/** Merge several env definitions (for example the shared database variables and a service's own). */
export function mergeEnv<A extends Record<string, EnvVarSpec>, B extends Record<string, EnvVarSpec>>(
  a: EnvDefinition<A>,
  b: EnvDefinition<B>,
): EnvDefinition<A & B> {
  return defineEnv({ ...a.spec, ...b.spec } as A & B);
}
