import { describe, expect, it } from 'vitest';
import { inputErrorOf } from '../input-error.testing.js';
import { FRAMEWORKS, FRAMEWORK_IDS, frameworkOf, gradReduceBytes, resolveFramework } from './registry.js';

describe('framework profiles', () => {
  it('every profile names its own id and gives a source for each modelled entry', () => {
    for (const id of FRAMEWORK_IDS) {
      const p = FRAMEWORKS[id];
      expect(p.id).toBe(id);
      for (const entry of ['overlap', 'selectiveRecompute', 'gradReduceDtype', 'gradAccumDtype', 'gradBucketParams', 'elementwiseTrafficFactor', 'attentionKernel']) {
        expect(p.sources[entry]?.length ?? 0, `${id}.${entry}`).toBeGreaterThan(10);
      }
    }
  });

  it('Megatron-LM 2021–22 overlaps nothing; Megatron-Core overlaps TP, DP and CP', () => {
    expect(FRAMEWORKS['megatron-lm'].overlap).toMatchObject({ tpFraction: 0, dpGradReduce: false, dpParamGather: false });
    expect(FRAMEWORKS['megatron-core'].overlap).toMatchObject({ tpFraction: 1, dpGradReduce: true, dpParamGather: true, cpRing: true });
  });

  it('torchtitan: op-level selective checkpointing, async TP off and eager element-wise traffic unless overridden', () => {
    const t = resolveFramework('torchtitan');
    expect(t).toMatchObject({ selectiveRecompute: 'torch-op-sac', elementwiseTrafficFactor: 3 });
    expect(t.overlap.tpFraction).toBe(0);
    const tuned = resolveFramework('torchtitan', { asyncTp: true, compile: true });
    expect(tuned.overlap.tpFraction).toBe(1);
    expect(tuned.elementwiseTrafficFactor).toBe(1);
  });

  it('PyTorch-native stacks (torchtitan, torchtune, HF models under DeepSpeed) call FlashAttention-2; Megatron-Core the native fused kernel', () => {
    expect(FRAMEWORKS.torchtitan.attentionKernel).toBe('flash-attention-2');
    expect(FRAMEWORKS.torchtune.attentionKernel).toBe('flash-attention-2');
    expect(FRAMEWORKS.deepspeed.attentionKernel).toBe('flash-attention-2');
    expect(FRAMEWORKS['megatron-core'].attentionKernel).toBe('native');
    expect(resolveFramework('torchtitan', { attentionKernel: 'native' }).attentionKernel).toBe('native');
  });

  it('any entry can be overridden; overlap entries merge one by one', () => {
    const p = resolveFramework('megatron-core', { overlap: { cpRing: false }, gradReduceDtype: 'bf16', overlapGemmSlowdown: 0 });
    expect(p.overlap).toMatchObject({ cpRing: false, tpFraction: 1, dpGradReduce: true });
    expect(gradReduceBytes(p)).toBe(2);
    expect(p.overlapGemmSlowdown).toBe(0);
  });

  it('an unknown id is an InputError naming the field and the allowed ids', () => {
    expect(inputErrorOf(() => resolveFramework('jax'))).toMatchObject({ field: 'training.framework', value: 'jax' });
  });

  it('a training run without a framework gets Megatron-Core', () => {
    expect(frameworkOf({}).id).toBe('megatron-core');
  });
});
