/**
 * Scale-out switches a compute fabric can be built from: radix, port speed, fabric type, and price
 * relative to the one switch with a published topology price (Quantum-2, DeepSeek ISCA '25 Table 3).
 *
 * Price model (assumption, no per-model price in the data): a switch costs DeepSeek's fitted 64-port
 * 400G price scaled by its switching capacity (ports · Gb/s ÷ 64 · 400); a link costs the fitted
 * 400G link price scaled by its port speed. Overridable with `prices` in the fabric input.
 */
import type { Sourced } from './sourced.js';

export type FabricType = 'infiniband' | 'ethernet';

export interface SwitchModel {
  readonly name: string;
  readonly fabric: FabricType;
  /** Radix k: ports per switch at `portGbps`. */
  readonly ports: Sourced;
  readonly portGbps: number;
}

/** The switch whose price DeepSeek published: 64 ports × 400 Gb/s = 25.6 Tb/s per direction. */
export const REFERENCE_SWITCH = { ports: 64, portGbps: 400 } as const;

export const SWITCHES = {
  'quantum-2': {
    name: 'NVIDIA Quantum-2 QM9700 (NDR InfiniBand)',
    fabric: 'infiniband',
    portGbps: 400,
    ports: {
      value: 64,
      unit: 'ports per switch',
      confidence: 'primary',
      source: 'hardware-facts.md §3.1 / network.json quantum-2-qm9700: 64 × 400 Gb/s in 1U (QM97XX user manual)',
    },
  },
  'quantum-x800': {
    name: 'NVIDIA Quantum-X800 Q3400 (XDR InfiniBand)',
    fabric: 'infiniband',
    portGbps: 800,
    ports: {
      value: 144,
      unit: 'ports per switch',
      confidence: 'secondary',
      source: 'network.json quantum-x800-q3400: 144 × 800 Gb/s (quantum-computing.news; NVIDIA NCA study guide); B300 RA XDR SU: 72 nodes, 8 leaf / 4 spine',
    },
  },
  'spectrum-x': {
    name: 'NVIDIA Spectrum-4 SN5600 (Spectrum-X Ethernet, RoCE)',
    fabric: 'ethernet',
    portGbps: 400,
    ports: {
      value: 128,
      unit: 'ports per switch',
      confidence: 'primary',
      source: 'network.json spectrum-4-sn5600: 64 × 800 GbE "also 128 × 400GbE" (NVIDIA SN5000 manual); DeepSeek ISCA \'25 §5.2.1: RoCE switches commonly 128 ports vs IB 64',
    },
  },
  'ethernet-512': {
    name: '102.4 Tb/s Ethernet switch (512 × 200 GbE, Broadcom Tomahawk 6 class)',
    fabric: 'ethernet',
    portGbps: 200,
    ports: {
      value: 512,
      unit: 'ports per switch',
      confidence: 'secondary',
      source: 'Broadcom Tomahawk 6 announcement (June 2025): 102.4 Tb/s, up to 512 × 200 GbE ports, for two-tier clusters of 100K+ XPUs (trade press; not in data/)',
    },
  },
} as const satisfies Record<string, SwitchModel>;

export type SwitchId = keyof typeof SWITCHES;
export const SWITCH_IDS = ['quantum-2', 'quantum-x800', 'spectrum-x', 'ethernet-512'] as const satisfies readonly SwitchId[];
export const FABRIC_TYPES = ['infiniband', 'ethernet'] as const satisfies readonly FabricType[];

/** Default switch per fabric type. */
export const DEFAULT_SWITCH: Record<FabricType, SwitchId> = { infiniband: 'quantum-2', ethernet: 'spectrum-x' };

/** Switching capacity relative to the priced reference switch (price scale, assumption above). */
export function switchPriceScale(ports: number, portGbps: number): number {
  return (ports * portGbps) / (REFERENCE_SWITCH.ports * REFERENCE_SWITCH.portGbps);
}

/** Link price relative to a 400G reference link (scaled by port speed, assumption above). */
export function linkPriceScale(portGbps: number): number {
  return portGbps / REFERENCE_SWITCH.portGbps;
}
