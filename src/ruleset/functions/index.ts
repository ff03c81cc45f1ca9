import type { CoreFunction } from '../types.js';
import alphabetical from './alphabetical.js';
import casing from './casing.js';
import defined from './defined.js';
import enumeration from './enumeration.js';
import falsy from './falsy.js';
import length from './length.js';
import or from './or.js';
import pattern from './pattern.js';
import schema from './schema.js';
import truthy from './truthy.js';
import undefinedFunction from './undefined.js';
import unreferencedReusableObject from './unreferencedReusableObject.js';
import xor from './xor.js';

/** Spectral's core functions by the name rulesets use. */
export const coreFunctions = {
  alphabetical,
  casing,
  defined,
  enumeration,
  falsy,
  length,
  or,
  pattern,
  schema,
  truthy,
  undefined: undefinedFunction,
  unreferencedReusableObject,
  xor,
} satisfies Record<string, CoreFunction>;

export type CoreFunctionName = keyof typeof coreFunctions;

export function isCoreFunctionName(name: string): name is CoreFunctionName {
  return Object.prototype.hasOwnProperty.call(coreFunctions, name);
}
