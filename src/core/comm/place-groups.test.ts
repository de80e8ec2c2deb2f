import { describe, expect, it } from 'vitest';
import { DEFAULT_ORDER } from '../layout/types.js';
import { createGroupPlacement, createPackedPlacement, placeGroups } from './place-groups.js';
import { inputErrorOf as thrown } from '../input-error.testing.js';

const hgx = { scaleUpDomainGpus: 8 };
const nvl72 = { scaleUpDomainGpus: 72 };


describe('placeGroups', () => {
  it('DeepSeek-V3 (tp 1, pp 16, ep 64, dp 128 on 8-GPU nodes): EP spans 8 nodes of 8, expert-DP 2 crosses nodes', () => {
    const groups = placeGroups({ tp: 1, cp: 1, ep: 64, etp: 1, dp: 128, pp: 16 }, DEFAULT_ORDER, hgx);
    expect(groups.ep).toEqual({ size: 64, inDomain: 8, domains: 8, tier: 'scale-out', uniform: true });
    expect(groups.edp).toEqual({ size: 2, inDomain: 1, domains: 2, tier: 'scale-out', uniform: true });
    expect(groups.dp).toEqual({ size: 128, inDomain: 8, domains: 16, tier: 'scale-out', uniform: true });
    expect(groups.pp).toEqual({ size: 16, inDomain: 1, domains: 16, tier: 'scale-out', uniform: true });
    expect(groups.tp).toEqual({ size: 1, inDomain: 1, domains: 1, tier: 'scale-up', uniform: true });
  });

  it('Llama 3 405B (tp 8, cp 1, pp 16, dp 64): TP fills the node, DP and PP have one rank per node', () => {
    const groups = placeGroups({ tp: 8, cp: 1, ep: 1, etp: 8, dp: 64, pp: 16 }, DEFAULT_ORDER, hgx);
    expect(groups.tp).toMatchObject({ size: 8, inDomain: 8, domains: 1, tier: 'scale-up' });
    expect(groups.dp).toMatchObject({ size: 64, inDomain: 1, domains: 64, tier: 'scale-out' });
    expect(groups.pp).toMatchObject({ size: 16, inDomain: 1, domains: 16, tier: 'scale-out' });
  });

  it('the dense gradient group is dp·cp: tp 2, cp 4, dp 8 gives 32 ranks, 4 per 8-GPU node', () => {
    const groups = placeGroups({ tp: 2, cp: 4, ep: 1, etp: 1, dp: 8, pp: 1 }, DEFAULT_ORDER, hgx);
    expect(groups.cp).toMatchObject({ size: 4, inDomain: 4, domains: 1 });
    expect(groups.dp).toMatchObject({ size: 32, inDomain: 4, domains: 8 });
  });

  it('on an NVL72 rack an EP group of 64 consecutive ranks stays inside the 72-GPU domain', () => {
    const groups = placeGroups({ tp: 1, cp: 1, ep: 64, etp: 1, dp: 64, pp: 1 }, DEFAULT_ORDER, nvl72);
    expect(groups.ep).toMatchObject({ size: 64, domains: 1, tier: 'scale-up' });
  });

  it('EP 16 of 128 ranks per stage on NVL72 domains: the stage straddles racks, so EP groups are uneven', () => {
    const groups = placeGroups({ tp: 1, cp: 1, ep: 16, etp: 1, dp: 128, pp: 1 }, DEFAULT_ORDER, nvl72);
    // EP group 4 = ranks 64..79 = 8 in rack 0 and 8 in rack 1.
    expect(groups.ep).toEqual({ size: 16, inDomain: 8, domains: 2, tier: 'scale-out', uniform: false });
  });

  it('order tp-cp-dp-ep-pp places expert-DP inside EP: EP groups then stride over edp', () => {
    const groups = placeGroups({ tp: 1, cp: 1, ep: 8, etp: 1, dp: 16, pp: 1 }, ['tp', 'cp', 'dp', 'ep', 'pp'], hgx);
    expect(groups.edp).toMatchObject({ size: 2, inDomain: 2, domains: 1 });
    expect(groups.ep).toMatchObject({ size: 8, inDomain: 4, domains: 2 });
  });

  it('etp carves expert tensor parallelism out of the stage: etp 2 × ep 4 × edp 2 = tp 4 × dp 4', () => {
    const groups = placeGroups({ tp: 4, cp: 1, ep: 4, etp: 2, dp: 4, pp: 2 }, DEFAULT_ORDER, hgx);
    expect(groups.etp).toMatchObject({ size: 2, inDomain: 2, domains: 1 });
    expect(groups.ep).toMatchObject({ size: 4, inDomain: 4, domains: 1 });
    expect(groups.edp).toMatchObject({ size: 2, inDomain: 1, domains: 2 });
  });

  it('placeGroups(degrees, order, cluster, dense of another ep and etp) equals placeGroups(degrees, order, cluster)', () => {
    const order = ['tp', 'cp', 'dp', 'ep', 'pp'] as const;
    const dense = placeGroups({ tp: 2, cp: 2, ep: 1, etp: 1, dp: 32, pp: 4 }, order, hgx);
    for (const [ep, etp] of [[2, 1], [4, 2], [8, 1], [64, 2]] as const) {
      const degrees = { tp: 2, cp: 2, ep, etp, dp: 32, pp: 4 };
      expect(placeGroups(degrees, order, hgx, dense)).toEqual(placeGroups(degrees, order, hgx));
    }
  });

  it('rejects etp·ep that does not divide tp·cp·dp, a bad order, and orders that split pipeline groups', () => {
    expect(thrown(() => placeGroups({ tp: 1, cp: 1, ep: 3, etp: 1, dp: 8, pp: 1 }, DEFAULT_ORDER, hgx)).field).toBe('layout.ep');
    expect(thrown(() => placeGroups({ tp: 0, cp: 1, ep: 1, etp: 1, dp: 8, pp: 1 }, DEFAULT_ORDER, hgx)).field).toBe('layout.tp');
    expect(thrown(() => placeGroups({ tp: 1, cp: 1, ep: 1, etp: 1, dp: 8, pp: 1 }, ['tp', 'cp', 'dp', 'pp'], hgx)).field).toBe('layout.order');
    const split = thrown(() => placeGroups({ tp: 2, cp: 1, ep: 2, etp: 1, dp: 4, pp: 2 }, ['tp', 'pp', 'cp', 'ep', 'dp'], hgx));
    expect(split.field).toBe('layout.order');
  });
});

describe('createGroupPlacement', () => {
  it('createGroupPlacement(64, 8) spans 8 domains on scale-out; (8, 8) stays on scale-up', () => {
    expect(createGroupPlacement(64, 8)).toEqual({ size: 64, inDomain: 8, domains: 8, tier: 'scale-out', uniform: true });
    expect(createGroupPlacement(8, 8).tier).toBe('scale-up');
  });

  it('rejects an in-domain count that does not divide the size', () => {
    expect(thrown(() => createGroupPlacement(12, 8)).field).toBe('group.inDomain');
  });
});

describe('createPackedPlacement', () => {
  it('createPackedPlacement(128, 9): 9 ranks per 72-GPU domain, 15 domains, the last holding 2 (uneven)', () => {
    expect(createPackedPlacement(128, 9)).toEqual({ size: 128, inDomain: 2, domains: 15, tier: 'scale-out', uniform: false });
  });
  it('createPackedPlacement(64, 8) equals createGroupPlacement(64, 8) when the share divides the size', () => {
    expect(createPackedPlacement(64, 8)).toEqual(createGroupPlacement(64, 8));
  });
  it('a share at least the size is one domain; a fractional share below 1 is one rank per domain', () => {
    expect(createPackedPlacement(16, 72)).toEqual(createGroupPlacement(16, 16));
    expect(createPackedPlacement(16, 0.5)).toEqual(createGroupPlacement(16, 1));
  });
});
